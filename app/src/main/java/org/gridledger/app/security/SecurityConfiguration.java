package org.gridledger.app.security;

import org.gridledger.app.web.Problems;
import org.gridledger.domain.error.ErrorCode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. Open: health, info, the OpenAPI document and Swagger UI, and the CA's certificate and CRL.
 * Everything else needs HTTP Basic (an account), a bearer API token or, on the HTTPS port, a client certificate of
 * our CA ({@link CertificateAuthenticationFilter}); roles are checked per endpoint with method security, and community or provider
 * scope in the adapters. Stateless: no sessions, no CSRF tokens (no cookies are issued).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No observation of each security filter: the wrappers cost several per cent of the CPU per request (see
     * bench/README.md); request metrics are still recorded by Spring MVC's observation.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    AuthenticationEntryPoint problemEntryPoint(Problems problems) {
        return (request, response, exception) -> problems.write(response, ErrorCode.AUTHENTICATION_REQUIRED,
                "authenticate with HTTP Basic or a bearer API token", request.getRequestURI());
    }

    @Bean
    AccessDeniedHandler problemAccessDeniedHandler(Problems problems) {
        return (request, response, exception) -> problems.write(response, ErrorCode.ACCESS_DENIED,
                "the principal's roles do not allow this", request.getRequestURI());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, AuthenticationEntryPoint entryPoint,
                            AccessDeniedHandler accessDenied, CertificateLogin certificates, Problems problems)
            throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
                .addFilterBefore(new CertificateAuthenticationFilter(certificates, problems),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/ca/ca.pem", "/ca/crl.pem", "/ca/crl.der").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .build();
    }
}
