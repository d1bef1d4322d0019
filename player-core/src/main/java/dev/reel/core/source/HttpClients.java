package dev.reel.core.source;

import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The one OkHttp client Reel shares (one connection pool and dispatcher); sources with other
 * timeouts get cheap derived clients. Thread-safe.
 */
final class HttpClients {

    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .followRedirects(true)
            .followSslRedirects(true)
            .retryOnConnectionFailure(true)
            .build();

    private HttpClients() {
    }

    static OkHttpClient client(Duration connectTimeout, Duration readTimeout) {
        return SHARED.newBuilder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .build();
    }
}
