package org.gridledger.app.accounting;

import jakarta.servlet.http.HttpServletRequest;
import org.gridledger.app.web.EndpointBodyLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Usage uploads stream their bodies (never buffered), so they get a limit of their own,
 * {@code gridledger.usage.max-upload-size} (default 512 MB), instead of the general request limit.
 */
@Component
class UsageUploadLimit implements EndpointBodyLimit {

    static final String PATH = "/api/v1/usage/uploads";

    private final long limit;

    UsageUploadLimit(@Value("${gridledger.usage.max-upload-size:512MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    public boolean appliesTo(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && PATH.equals(request.getRequestURI());
    }

    @Override
    public long limitBytes() {
        return limit;
    }
}
