package gov.planmonitor.support.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.support.cache.DataVersion.Version;
import gov.planmonitor.support.cache.ReadCache.Answer;
import gov.planmonitor.support.paging.Versions;
import gov.planmonitor.support.privacy.People;
import gov.planmonitor.support.rest.RateLimits;
import gov.planmonitor.support.security.Caller;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Serves {@link CachedRead} GETs from {@link ReadCache} when the data version is the one the answer was computed
 * at, and answers If-None-Match with 304 when the ETag still holds. Every request asks the database for its version
 * first, so a write committed by any replica is seen by the next read on every replica: the cache saves the work of a
 * read, never its freshness.
 *
 * <p>Of simultaneous requests for an answer not in memory, one computes it and the others wait for it (up to
 * {@value #WAIT_SECONDS} s). A request with {@code Cache-Control: no-cache} is computed afresh, or shares a
 * computation in progress at its version (and the answer is kept). Answers get the ETag the
 * resource gave (a row version, for If-Match) or else one made from the body's bytes, and
 * {@code Cache-Control: no-cache} (clients may keep them but must revalidate; {@code private} too when reads need a
 * token).
 *
 * <p>Answers that name people differ between callers ({@link People}): the key includes the caller's
 * {@link People#audience() audience}, so a reader without a token is never given an answer computed for one with a
 * token, nor the other way round, and such an answer keeps the {@code Vary: Authorization} and the ETag of its own that
 * {@link gov.planmonitor.support.privacy.PeopleVary} gave it.
 */
@Provider
@CachedRead
@Priority(Priorities.USER + 100)
public class ReadCacheFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(ReadCacheFilter.class);
    private static final String VERSION = ReadCacheFilter.class.getName() + ".version";
    private static final String KEY = ReadCacheFilter.class.getName() + ".key";
    private static final String HIT = ReadCacheFilter.class.getName() + ".hit";
    private static final String COMPUTING = ReadCacheFilter.class.getName() + ".computing";
    /** How long a request waits for another one computing the same answer before computing it itself. */
    private static final long WAIT_SECONDS = 30;
    /** Headers kept with an answer besides ETag and Content-Type. */
    private static final List<String> KEPT = List.of(HttpHeaders.VARY, "Content-Disposition");

    private final ReadCache cache;
    private final DataVersion versions;
    private final ObjectMapper mapper;
    private final People people;
    private final Caller caller;
    private final RateLimits limits;
    private final String cacheControl;

    public ReadCacheFilter(ReadCache cache, DataVersion versions, ObjectMapper mapper, People people, Caller caller, RateLimits limits,
                           @ConfigProperty(name = "planmonitor.security.reads-need-token", defaultValue = "false") boolean readsNeedToken) {
        this.cache = cache;
        this.versions = versions;
        this.mapper = mapper;
        this.people = people;
        this.caller = caller;
        this.limits = limits;
        this.cacheControl = readsNeedToken ? "private, no-cache" : "no-cache";
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!cache.enabled() || !"GET".equals(request.getMethod())) {
            return;
        }
        Version version;
        try {
            version = versions.current();
        } catch (SQLException e) {
            // the read itself will meet the database's trouble and answer it (503); nothing to cache
            LOG.debugf("no data version: %s", e.getMessage());
            return;
        }
        URI uri = request.getUriInfo().getRequestUri();
        // One answer per audience: with people in it for callers who may see them, without for the others.
        String key = people.audience() + '\n' + uri.getRawPath() + '?' + uri.getRawQuery() + '\n' + request.getHeaderString(HttpHeaders.ACCEPT);
        request.setProperty(VERSION, version);
        request.setProperty(KEY, key);
        // no-cache: not an answer kept from before this request, but one computed now (or being computed, at the same
        // version, by a request that arrived with it: simultaneous no-cache reads are not a way to run a heavy read 64 times).
        // Only signed-in callers may ask for that: a kept answer is as fresh as a new one (the version says so), and an
        // anonymous caller must not make a replica compute at will.
        boolean anonymous = caller.anonymous();
        String asked = request.getHeaderString(HttpHeaders.CACHE_CONTROL);
        Answer answer = asked != null && asked.contains("no-cache") && !anonymous ? null : cache.find(key, version);
        if (answer == null) {
            ReadCache.Miss miss = cache.miss(key, version);
            if (miss.computing() != null) {
                answer = await(key, version, miss.computing());
            } else if (miss.mine() != null) {
                if (anonymous) {
                    chargeOrRelease(key, version, miss.mine());
                }
                request.setProperty(COMPUTING, miss.mine());
            } else if (anonymous) {
                limits.chargeComputation();
            }
        }
        if (answer != null) {
            request.setProperty(HIT, Boolean.TRUE);
            request.abortWith(respond(answer, request.getHeaderString(HttpHeaders.IF_NONE_MATCH)));
        }
    }

    /**
     * An anonymous caller is about to make this replica compute an answer (a new query string, a new version): it
     * spends one of its computations a minute, or, past its share, gives up the computation it was to make (so
     * nobody waits for it) and is answered 429.
     */
    private void chargeOrRelease(String key, Version version, CompletableFuture<Answer> mine) {
        try {
            limits.chargeComputation();
        } catch (RuntimeException refused) {
            cache.computed(key, version, mine, null);
            throw refused;
        }
    }

    /** The answer another request is computing; null (compute it here) when it has none or takes too long. */
    private Answer await(String key, Version version, CompletableFuture<Answer> computing) {
        try {
            return computing.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // Its request may never finish; the next ones should not wait for it too.
            cache.computed(key, version, computing, null);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        CompletableFuture<Answer> computing = (CompletableFuture<Answer>) request.getProperty(COMPUTING);
        Answer answer = null;
        try {
            answer = respond(request, response);
        } finally {
            if (computing != null) {
                cache.computed((String) request.getProperty(KEY), (Version) request.getProperty(VERSION), computing, answer);
            }
        }
    }

    /** Keeps a 200 computed here and gives it its ETag and Cache-Control (or turns it into 304); returns the answer. */
    private Answer respond(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        Version version = (Version) request.getProperty(VERSION);
        if (version == null || request.getProperty(HIT) != null || response.getStatus() != 200 || response.getEntity() == null) {
            return null;
        }
        byte[] body = response.getEntity() instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(response.getEntity());
        MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        if (etag == null) {
            etag = contentTag(body);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        Answer answer = new Answer(etag, type.toString(), headers, body);
        cache.keep((String) request.getProperty(KEY), version, answer);
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (Versions.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove("Content-Disposition");
        } else {
            response.setEntity(body, response.getEntityAnnotations(), type);
        }
        return answer;
    }

    /** The kept answer, or 304 with the headers a 304 repeats (RFC 9110 15.4.5): ETag, Cache-Control, Vary. */
    private Response respond(Answer answer, String ifNoneMatch) {
        boolean notModified = Versions.matches(ifNoneMatch, answer.etag());
        Response.ResponseBuilder builder = notModified ? Response.notModified() : Response.ok(answer.body(), answer.mediaType());
        answer.headers().forEach((name, value) -> {
            if (!notModified || name.equals(HttpHeaders.VARY)) {
                builder.header(name, value);
            }
        });
        return builder.header(HttpHeaders.ETAG, answer.etag()).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    /** A strong ETag from the bytes: equal bodies, equal tags, whichever replica computed them. */
    public static String contentTag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
