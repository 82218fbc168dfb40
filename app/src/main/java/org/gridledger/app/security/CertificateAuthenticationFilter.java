package org.gridledger.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gridledger.app.web.Problems;
import org.gridledger.domain.error.ErrorCode;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.security.cert.X509Certificate;

/**
 * Logs in with the client certificate of a TLS request ({@link CertificateLogin}). A request that carries an
 * {@code Authorization} header is left to HTTP Basic or the API token; a request without a certificate passes on
 * unauthenticated; a refused certificate gets a 401 problem at once, so a revoked or expired certificate never
 * falls through to an anonymous call of an open endpoint.
 */
class CertificateAuthenticationFilter extends OncePerRequestFilter {

    static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final CertificateLogin login;
    private final Problems problems;

    CertificateAuthenticationFilter(CertificateLogin login, Problems problems) {
        this.login = login;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request.getAttribute(CERTIFICATES) instanceof X509Certificate[] certificates)
                || request.getHeader("Authorization") != null) {
            chain.doFilter(request, response);
            return;
        }
        CertificateLogin.Outcome outcome = login.authenticate(certificates);
        if (outcome.principal() == null) {
            SecurityContextHolder.clearContext();
            problems.write(response, ErrorCode.CERTIFICATE_LOGIN_REFUSED, outcome.refusal(), request.getRequestURI());
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CertificateAuthentication(outcome.principal(), outcome.subjectDn()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** An authenticated client certificate; the credentials are the subject DN. */
    static final class CertificateAuthentication extends AbstractAuthenticationToken {
        private final GridPrincipal principal;
        private final String subjectDn;

        CertificateAuthentication(GridPrincipal principal, String subjectDn) {
            super(principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
            this.principal = principal;
            this.subjectDn = subjectDn;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return subjectDn;
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return principal.username();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CertificateAuthentication other && other.principal.equals(principal)
                    && other.subjectDn.equals(subjectDn);
        }

        @Override
        public int hashCode() {
            return principal.hashCode();
        }
    }
}
