package gov.planmonitor.support.webhooks;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * POSTs a delivery to a checked target, connecting to the address {@link TargetPolicy#check} checked and not to
 * whatever the host name resolves to by then (no DNS rebinding between the check and the send). The request still
 * names the URL's host: Host header, and for https the TLS server name (SNI) and the certificate's check against it.
 * HTTP/1.1 (no h2c upgrade offered to receivers, many of which are plain web servers that mishandle it), connections
 * kept alive (per target address and host), redirects not followed, no trace headers passed to receivers. Blocking:
 * called from the worker's sending threads, never from an event loop.
 */
final class WebhookSender implements AutoCloseable {

    /** No answer within the time allowed. */
    static final class Timeout extends IOException {
        Timeout() {
            super("no answer in time");
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    WebhookSender(Vertx vertx, Duration timeout, int connections) {
        this.timeout = timeout;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1).setUseAlpn(false)
                .setVerifyHost(true).setTrustAll(false)
                .setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(true)
                .setTracingPolicy(TracingPolicy.IGNORE),
                new PoolOptions().setHttp1MaxSize(Math.max(1, connections)));
    }

    /**
     * POSTs the body to the target's checked address, and returns the answer's status: when the answer came, its body
     * is read (and dropped) within the time left, after which the connection is closed rather than kept.
     *
     * @throws Timeout when no answer came within the timeout (connecting included)
     * @throws IOException when the connection or the exchange failed
     */
    int post(TargetPolicy.Target target, Map<String, String> headers, byte[] body) throws IOException, InterruptedException {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                // The checked address, already resolved: Vert.x connects to it and looks nothing up.
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), target.port())))
                // The URL's host: for TLS (SNI, hostname verification) and the connection pool's key.
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.requestUri())
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis())
                .putHeader(HttpHeaders.HOST, target.authority());
        headers.forEach(options::putHeader);

        CompletableFuture<Integer> outcome = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        AtomicInteger answered = new AtomicInteger();
        client.request(options).onComplete(connected -> {
            if (connected.failed()) {
                outcome.completeExceptionally(connected.cause());
                return;
            }
            HttpClientRequest request = connected.result();
            sent.set(request);
            if (outcome.isDone()) {
                request.reset(); // the time ran out while connecting
                return;
            }
            request.send(Buffer.buffer(body)).onComplete(response -> {
                if (response.failed()) {
                    outcome.completeExceptionally(response.cause());
                    return;
                }
                int status = response.result().statusCode();
                answered.set(status);
                // No handler: the body's chunks are dropped as they come; the answer is whole at its end.
                response.result().end().onComplete(end -> outcome.complete(status));
            });
        });
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            outcome.completeExceptionally(e);
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset(); // closes the connection: nothing more is read or sent on it
            }
            if (answered.get() != 0) {
                return answered.get(); // answered in time; only its body was still coming
            }
            throw new Timeout();
        } catch (InterruptedException e) {
            outcome.completeExceptionally(e);
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException || cause instanceof io.netty.channel.ConnectTimeoutException) {
                throw new Timeout();
            }
            throw new IOException(describe(cause), cause);
        }
    }

    /** The failure's message, and its root cause's when that says more (a TLS failure: which name did not match). */
    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failure && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += ": " + root.getMessage();
        }
        return message;
    }

    @Override
    public void close() {
        client.close();
    }
}
