package org.gridledger.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.URI;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The answer to a successful command: 201 with the {@code Location} of the resource and, unless the client asked
 * for {@code Prefer: return=minimal} (RFC 7240), its new representation. Machine clients that only need the location
 * save the read-back.
 */
public final class Created {

    public static final String PREFER = "Prefer";
    public static final String PREFERENCE_APPLIED = "Preference-Applied";
    private static final String MINIMAL = "return=minimal";

    private Created() {
    }

    public static <T> ResponseEntity<T> at(String location, Supplier<T> representation) {
        ResponseEntity.BodyBuilder created = ResponseEntity.created(URI.create(location));
        if (prefersMinimal()) {
            return created.header(PREFERENCE_APPLIED, MINIMAL).build();
        }
        return created.body(representation.get());
    }

    private static boolean prefersMinimal() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        HttpServletRequest request = attributes.getRequest();
        var values = request.getHeaders(PREFER);
        while (values != null && values.hasMoreElements()) {
            for (String preference : values.nextElement().split(",")) {
                if (preference.strip().toLowerCase(Locale.ROOT).equals(MINIMAL)) {
                    return true;
                }
            }
        }
        return false;
    }
}
