package dev.reel.core.source;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The OkHttp clients Reel shares (one connection pool and dispatcher): a cleartext one, and one
 * for https built on first use, since building it loads the platform's trust store (about
 * 0.1 s) that http URLs never need. Sources with other timeouts get cheap derived clients. Over
 * http the read timeout is the socket's own ({@link SocketReadTimeout}). Thread-safe.
 */
final class HttpClients {

    /**
     * Cleartext only, so building it touches no TLS. It does not follow redirects to https
     * itself (a cleartext client would fail on them); {@link HttpFetcher} moves those to the TLS
     * client.
     */
    private static final OkHttpClient PLAIN = new OkHttpClient.Builder()
            .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
            .followRedirects(true)
            .followSslRedirects(false)
            .retryOnConnectionFailure(true)
            .build();

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final OkHttpClient plain;
    private volatile OkHttpClient tls;

    HttpClients(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.plain = withTimeouts(PLAIN.newBuilder())
                .readTimeout(Duration.ZERO)
                .addNetworkInterceptor(new SocketReadTimeout(readTimeout))
                .build();
    }

    /** The client for {@code url}'s scheme, with these timeouts. */
    OkHttpClient forUrl(HttpUrl url) {
        return url.isHttps() ? tls() : plain;
    }

    private OkHttpClient tls() {
        OkHttpClient client = tls;
        if (client == null) {
            client = withTimeouts(Tls.SHARED.newBuilder()).build();
            tls = client;
        }
        return client;
    }

    private OkHttpClient.Builder withTimeouts(OkHttpClient.Builder builder) {
        return builder.connectTimeout(connectTimeout).readTimeout(readTimeout);
    }

    /**
     * The read timeout of a cleartext exchange, as the socket's own ({@code SO_TIMEOUT}: a read
     * that waits longer throws {@link java.net.SocketTimeoutException}), instead of OkHttp's. OkHttp
     * sets both, and its own enters and leaves Okio's timeout queue on every read of at most
     * 8 KiB, waking Okio's watchdog thread each time: 230 times a second at 2 MB/s. The socket's
     * timeout costs nothing per read. Set for each exchange, after OkHttp set the client's (zero)
     * on the connection; TLS keeps OkHttp's, which also bounds its handshake and HTTP/2 streams.
     */
    private static final class SocketReadTimeout implements Interceptor {

        private final int millis;

        /** @param timeout zero for none, as in OkHttp */
        SocketReadTimeout(Duration timeout) {
            this.millis = timeout.isZero()
                    ? 0
                    : (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            // A network interceptor's chain always has its connection.
            chain.connection().socket().setSoTimeout(millis);
            return chain.proceed(chain.request());
        }
    }

    /** Holds the TLS client, so that the JVM builds it when an https URL first needs it. */
    private static final class Tls {
        static final OkHttpClient SHARED = PLAIN.newBuilder()
                .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
                .followSslRedirects(true)
                .build();
    }
}
