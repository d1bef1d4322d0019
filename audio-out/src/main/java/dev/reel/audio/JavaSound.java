package dev.reel.audio;

/**
 * Runs Java Sound's device look-ups with the platform class loader as the thread's context class
 * loader. Java Sound finds its mixer providers with a {@code ServiceLoader} on that loader; on the
 * application's it opens and searches every jar of the class path, which holds no Java Sound
 * provider (Reel's devices come from the JDK's {@code java.desktop}): a third of the audio
 * device's preparation at a start. A provider added to the class path is therefore not seen.
 * Safe from any thread.
 */
final class JavaSound {

    /** A Java Sound call that may throw {@code E}. */
    interface Call<T, E extends Exception> {
        T call() throws E;
    }

    private JavaSound() {
    }

    /** {@code call}'s result, computed with the platform class loader as the context loader. */
    static <T, E extends Exception> T call(Call<T, E> call) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
