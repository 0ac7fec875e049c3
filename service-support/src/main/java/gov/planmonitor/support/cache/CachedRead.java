package gov.planmonitor.support.cache;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public read answered from memory while the database has not changed ({@link ReadCacheFilter}), with an ETag and
 * If-None-Match → 304. Put it only on GETs whose answer depends on nothing but the request, the service's database and
 * today's date, and not on the caller; the one exception, whether the caller may see people's names
 * ({@link gov.planmonitor.support.privacy.People}), is part of the cache's key. The contract learns of it from the operation's extension
 * {@code @Extension(name = CachedRead.EXTENSION, value = "true")}, which the contract filter turns into the
 * If-None-Match parameter, the 304 response and the ETag and Cache-Control headers.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface CachedRead {

    String EXTENSION = "x-cached-read";
}
