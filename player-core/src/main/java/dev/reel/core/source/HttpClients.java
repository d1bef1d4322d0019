package dev.reel.core.source;

import java.time.Duration;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The OkHttp clients Reel shares (one connection pool and dispatcher): a cleartext one, and one
 * for https built on first use, since building it loads the platform's trust store (about
 * 0.1 s) that http URLs never need. Sources with other timeouts get cheap derived clients.
 * Thread-safe.
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
        this.plain = withTimeouts(PLAIN.newBuilder()).build();
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

    /** Holds the TLS client, so that the JVM builds it when an https URL first needs it. */
    private static final class Tls {
        static final OkHttpClient SHARED = PLAIN.newBuilder()
                .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
                .followSslRedirects(true)
                .build();
    }
}
