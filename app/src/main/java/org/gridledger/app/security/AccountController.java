package org.gridledger.app.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Pagination;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Accounts and API tokens (staff only), and {@code /me} for everyone authenticated. */
@RestController
@Tag(name = "Accounts and tokens")
class AccountController {

    record CreateAccountRequest(@Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,63}$") String username,
                                @Size(max = 128) String password, @Size(max = 200) String displayName,
                                @NotEmpty Set<@NotNull Role> roles,
                                Set<@NotNull @Size(max = 64) String> providerIds) {
    }

    record AccountView(String username, String displayName, boolean enabled, Set<Role> roles, Set<String> providerIds,
                       Instant createdAt, String createdBy) {
        static AccountView of(AccountStore.Account a) {
            return new AccountView(a.username(), a.displayName(), a.enabled(), a.roles(), a.providerIds(),
                    a.createdAt(), a.createdBy());
        }
    }

    record CreatedAccountView(AccountView account, String generatedPassword) {
    }

    record AccountPageView(List<AccountView> items, int page, int size, long totalItems) {
    }

    record IssueTokenRequest(@Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,63}$") String username,
                             @Size(min = 1, max = 128) String name, Set<@NotNull Role> roles,
                             @Size(max = 64) String providerId,
                             CommunityId communityId, Instant expiresAt) {
    }

    record TokenPageView(List<ApiTokenService.TokenInfo> items, int page, int size, long totalItems) {
    }

    record IssuedTokenView(ApiTokenService.TokenInfo token, String secret) {
    }

    record MeView(String username, Set<Role> roles, Set<String> providerIds, Set<CommunityId> communities,
                  UUID tokenId) {
    }

    private final AccountStore accounts;
    private final ApiTokenService tokens;
    private final PasswordEncoder encoder;
    private final CommunityScope communityScope;
    private final Clock clock;

    AccountController(AccountStore accounts, ApiTokenService tokens, PasswordEncoder encoder,
                      CommunityScope communityScope, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.encoder = encoder;
        this.communityScope = communityScope;
        this.clock = clock;
    }

    @PostMapping("/api/v1/accounts")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Create an account; without a password one is generated and shown once")
    ResponseEntity<CreatedAccountView> create(@Valid @RequestBody CreateAccountRequest request) {
        if (request.username() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "username is required");
        }
        boolean generate = request.password() == null || request.password().isEmpty();
        String password = generate ? PasswordPolicy.generate() : request.password();
        PasswordPolicy.require(password);
        boolean created = accounts.create(new AccountStore.Account(request.username(), encoder.encode(password),
                request.displayName(), true, request.roles(),
                request.providerIds() == null ? Set.of() : request.providerIds(), clock.instant(),
                CurrentPrincipal.get().username()));
        if (!created) {
            throw DomainException.of(ErrorCode.ACCOUNT_EXISTS, "account %s exists", request.username());
        }
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + request.username()))
                .body(new CreatedAccountView(AccountView.of(accounts.get(request.username())), generate ? password : null));
    }

    @GetMapping("/api/v1/accounts")
    @PreAuthorize("hasRole('STAFF')")
    AccountPageView list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Pagination pagination = new Pagination(page, size);
        return new AccountPageView(accounts.list(pagination).stream().map(AccountView::of).toList(), page, size,
                accounts.count());
    }

    @GetMapping("/api/v1/accounts/{username}")
    @PreAuthorize("hasRole('STAFF')")
    AccountView get(@PathVariable String username) {
        return AccountView.of(accounts.get(username));
    }

    @PostMapping("/api/v1/accounts/{username}/disable")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Disable an account: neither its password nor its tokens work any more")
    ResponseEntity<AccountView> disable(@PathVariable String username) {
        if (username.equals(CurrentPrincipal.get().username())) {
            throw new DomainException(ErrorCode.ACCESS_DENIED, "an account cannot disable itself");
        }
        accounts.setEnabled(username, false);
        tokens.forgetAccount(username);
        return located(username);
    }

    @PostMapping("/api/v1/accounts/{username}/enable")
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<AccountView> enable(@PathVariable String username) {
        accounts.setEnabled(username, true);
        return located(username);
    }

    private ResponseEntity<AccountView> located(String username) {
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + username)).body(get(username));
    }

    @PostMapping("/api/v1/tokens")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Issue an API token for an account; the secret is shown only in this response")
    ResponseEntity<IssuedTokenView> issue(@Valid @RequestBody IssueTokenRequest request) {
        if (request.username() == null || request.name() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "username and name are required");
        }
        if (request.communityId() != null) {
            Set<CommunityId> administered = communityScope.visibleTo(new GridPrincipal(request.username(),
                    Set.of(Role.COMMUNITY_ADMIN), Set.of(), null, null, null));
            if (!accounts.get(request.username()).roles().contains(Role.COMMUNITY_ADMIN)
                    || administered == null || !administered.contains(request.communityId())) {
                throw DomainException.of(ErrorCode.OUT_OF_SCOPE, "account %s does not administer community %s",
                        request.username(), request.communityId());
            }
        }
        ApiTokenService.IssuedToken issued = tokens.issue(request.username(), request.name(), request.roles(),
                request.providerId(), request.communityId() == null ? null : request.communityId().toString(),
                request.expiresAt(), CurrentPrincipal.get().username());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.info().tokenId()))
                .body(new IssuedTokenView(issued.info(), issued.token()));
    }

    @GetMapping("/api/v1/tokens")
    @PreAuthorize("hasRole('STAFF')")
    TokenPageView listTokens(@RequestParam(required = false) String username,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Pagination pagination = new Pagination(page, size);
        return new TokenPageView(tokens.list(username, pagination), page, size, tokens.count(username));
    }

    @GetMapping("/api/v1/tokens/{id}")
    @PreAuthorize("hasRole('STAFF')")
    ApiTokenService.TokenInfo getToken(@PathVariable UUID id) {
        return tokens.find(id).orElseThrow(() -> DomainException.of(ErrorCode.TOKEN_NOT_FOUND, "no token %s", id));
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Revoke a token at once")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        tokens.revoke(id, CurrentPrincipal.get().username());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who am I: roles, providers and communities in scope")
    MeView me() {
        GridPrincipal principal = CurrentPrincipal.get();
        Set<CommunityId> communities = principal.has(Role.COMMUNITY_ADMIN)
                ? communityScope.visibleTo(new GridPrincipal(principal.username(), Set.of(Role.COMMUNITY_ADMIN),
                principal.providerIds(), principal.tokenId(), principal.tokenProviderId(), principal.tokenCommunityId(),
                principal.grantedCommunities()))
                : Set.of();
        return new MeView(principal.username(), principal.roles(), principal.providerIds(), communities,
                principal.tokenId());
    }
}
