package org.gridledger.app.security;

import org.gridledger.app.config.GridLedgerProperties;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.shared.Pagination;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * API tokens for machine clients. A token reads {@code glt_<id>_<secret>}: the id (32 hex digits) finds the row, the
 * 256-bit random secret is compared by its SHA-256 hash in constant time. Secrets are shown once, at creation, and
 * never stored. A token acts as its account with at most the account's roles, optionally narrowed to one provider or
 * one community; it expires and can be revoked. Verified tokens are trusted for a short time
 * ({@code gridledger.token-cache-ttl}) without a database look-up; a revocation on this node takes effect at once, on
 * other nodes within that time.
 */
@Component
public class ApiTokenService {

    public static final String PREFIX = "glt_";

    public record TokenInfo(UUID tokenId, String username, String name, Set<Role> roles, String providerId,
                            String communityId, Instant createdAt, String createdBy, Instant expiresAt,
                            Instant revokedAt, String revokedBy) {
    }

    public record IssuedToken(TokenInfo info, String token) {
    }

    private record CachedToken(byte[] hash, GridPrincipal principal, Instant expiresAt, Instant cachedAt) {
    }

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final Clock clock;
    private final GridLedgerProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<UUID, CachedToken> cache = new ConcurrentHashMap<>();

    ApiTokenService(JdbcClient jdbc, AccountStore accounts, Clock clock, GridLedgerProperties properties) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    public IssuedToken issue(String username, String name, Set<Role> requestedRoles, String providerId,
                             String communityId, Instant expiresAt, String issuedBy) {
        AccountStore.Account account = accounts.get(username);
        Set<Role> roles = requestedRoles == null || requestedRoles.isEmpty() ? account.roles() : requestedRoles;
        if (!account.roles().containsAll(roles)) {
            throw DomainException.of(ErrorCode.TOKEN_ROLE_NOT_HELD, "account %s does not hold all of %s", username, roles);
        }
        if (providerId != null && !account.providerIds().contains(providerId)) {
            throw DomainException.of(ErrorCode.OUT_OF_SCOPE, "account %s does not act for provider %s", username, providerId);
        }
        Instant now = clock.instant();
        if (expiresAt == null) {
            expiresAt = now.plus(properties.maxTokenLifetime());
        }
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(properties.maxTokenLifetime()))) {
            throw DomainException.of(ErrorCode.TOKEN_EXPIRY_INVALID, "expiry %s must lie after now and within %s",
                    expiresAt, properties.maxTokenLifetime());
        }
        UUID id = UUID.randomUUID();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                        insert into api_token (token_id, username, name, secret_hash, roles, provider_id, community_id,
                            created_at, created_by, expires_at)
                        values (:id, :username, :name, :hash, :roles, :provider, :community, :createdAt, :createdBy, :expiresAt)""")
                .param("id", id)
                .param("username", username)
                .param("name", name)
                .param("hash", sha256(secretText))
                .param("roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                .param("provider", providerId)
                .param("community", communityId)
                .param("createdAt", now.atOffset(ZoneOffset.UTC))
                .param("createdBy", issuedBy)
                .param("expiresAt", expiresAt.atOffset(ZoneOffset.UTC))
                .update();
        String token = PREFIX + id.toString().replace("-", "") + "_" + secretText;
        return new IssuedToken(find(id).orElseThrow(), token);
    }

    public Optional<TokenInfo> find(UUID id) {
        return jdbc.sql("select * from api_token where token_id = :id").param("id", id)
                .query((rs, n) -> info(rs)).optional();
    }

    public List<TokenInfo> list(String username, Pagination page) {
        String where = username == null ? "" : " where username = :u";
        var spec = jdbc.sql("select * from api_token" + where
                        + " order by created_at desc, token_id limit :limit offset :offset")
                .param("limit", page.size())
                .param("offset", page.offset());
        if (username != null) {
            spec = spec.param("u", username);
        }
        return spec.query((rs, n) -> info(rs)).list();
    }

    public long count(String username) {
        if (username == null) {
            return jdbc.sql("select count(*) from api_token").query(Long.class).single();
        }
        return jdbc.sql("select count(*) from api_token where username = :u").param("u", username)
                .query(Long.class).single();
    }

    /**
     * Drops the cached verification of every token of the account, so that disabling the account takes effect on
     * this node at once (other nodes notice within the cache lifetime).
     */
    public void forgetAccount(String username) {
        Runnable forget = () -> cache.values().removeIf(cached -> cached.principal().username().equals(username));
        forget.run();
        // a request between now and the commit still reads the account as enabled and may cache it again
        afterCommit(forget);
    }

    /** Runs {@code action} again once the current transaction has committed (at once without one). */
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
    }

    @Transactional
    public void revoke(UUID id, String revokedBy) {
        int updated = jdbc.sql("update api_token set revoked_at = :at, revoked_by = :by where token_id = :id and revoked_at is null")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", revokedBy)
                .param("id", id)
                .update();
        cache.remove(id);
        afterCommit(() -> cache.remove(id));
        if (updated == 0 && find(id).isEmpty()) {
            throw DomainException.of(ErrorCode.TOKEN_NOT_FOUND, "no token %s", id);
        }
    }

    /** The principal a presented token stands for, or empty when it is malformed, unknown, wrong, expired or revoked. */
    public Optional<GridPrincipal> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        String[] parts = presented.substring(PREFIX.length()).split("_", 2);
        if (parts.length != 2 || parts[0].length() != 32) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = new UUID(Long.parseUnsignedLong(parts[0].substring(0, 16), 16),
                    Long.parseUnsignedLong(parts[0].substring(16), 16));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        CachedToken cached = cache.get(id);
        if (cached == null || cached.cachedAt().plus(properties.tokenCacheTtl()).isBefore(now)) {
            cached = load(id, now).orElse(null);
            if (cached == null) {
                cache.remove(id);
                return Optional.empty();
            }
            cache.put(id, cached);
        }
        if (!MessageDigest.isEqual(cached.hash(), sha256(parts[1])) || !cached.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(cached.principal());
    }

    private Optional<CachedToken> load(UUID id, Instant now) {
        record Stored(TokenInfo info, byte[] hash) {
        }
        Optional<Stored> stored = jdbc.sql("select * from api_token where token_id = :id").param("id", id)
                .query((rs, n) -> new Stored(info(rs), rs.getBytes("secret_hash"))).optional();
        if (stored.isEmpty() || stored.get().info().revokedAt() != null) {
            return Optional.empty();
        }
        TokenInfo t = stored.get().info();
        Optional<AccountStore.Account> account = accounts.find(t.username());
        if (account.isEmpty() || !account.get().enabled()) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(t.roles());
        roles.retainAll(account.get().roles());
        // narrowed to a community only, the token acts for none of the account's providers
        Set<String> providers = t.providerId() != null ? Set.of(t.providerId())
                : t.communityId() != null ? Set.of() : account.get().providerIds();
        GridPrincipal principal = new GridPrincipal(t.username(), roles, providers, t.tokenId(), t.providerId(),
                t.communityId());
        return Optional.of(new CachedToken(stored.get().hash(), principal, t.expiresAt(), now));
    }

    private static TokenInfo info(java.sql.ResultSet rs) throws java.sql.SQLException {
        Set<Role> roles = Arrays.stream(rs.getString("roles").split(",")).filter(s -> !s.isBlank()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        java.sql.Timestamp revoked = rs.getTimestamp("revoked_at");
        return new TokenInfo(rs.getObject("token_id", UUID.class), rs.getString("username"), rs.getString("name"), roles,
                rs.getString("provider_id"), rs.getString("community_id"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), rs.getTimestamp("expires_at").toInstant(),
                revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by"));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
