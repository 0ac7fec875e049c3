package gov.planmonitor.support.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * A query parameter that is not a number (page=abc, page= 1) or not a boolean (dryRun=yes) is the caller's error: 400
 * naming the parameter, not the 404 JAX-RS would give, and never read as something else (dryRun=chinese is not false).
 */
@Provider
public class NumberParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Integer.class && rawType != Boolean.class) {
            return null;
        }
        String name = "parameter";
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                name = q.value();
            }
        }
        String parameter = name;
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) new ParamConverter<Boolean>() {
                @Override
                public Boolean fromString(String value) {
                    if (value == null || value.isEmpty()) {
                        return null;
                    }
                    return switch (value) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        default -> throw new BadRequestException(parameter + ": '" + value + "' is neither true nor false");
                    };
                }

                @Override
                public String toString(Boolean value) {
                    return value == null ? null : value.toString();
                }
            };
        }
        return (ParamConverter<T>) new ParamConverter<Integer>() {
            @Override
            public Integer fromString(String value) {
                if (value == null || value.isEmpty()) {
                    return null;
                }
                try {
                    return Integer.valueOf(value);
                } catch (NumberFormatException e) {
                    throw new BadRequestException(parameter + ": '" + value + "' is not a whole number");
                }
            }

            @Override
            public String toString(Integer value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
