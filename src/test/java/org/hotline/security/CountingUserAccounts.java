package org.hotline.security;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline.organization.UserAccount;
import org.hotline.organization.UserAccounts;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The test {@link Users} in memory, counting lookups so that tests can show when the store was asked. */
final class CountingUserAccounts implements UserAccounts {

    private final Map<String, UserAccount> accounts;
    private final AtomicInteger lookups = new AtomicInteger();

    CountingUserAccounts(PasswordEncoder encoder) {
        String hash = encoder.encode(Users.PASSWORD);
        this.accounts = Arrays.stream(Users.ALL)
                .map(u -> new UserAccount(u.username(), u.displayName(), hash, u.role(), u.unit(), u.enabled()))
                .collect(Collectors.toUnmodifiableMap(UserAccount::username, Function.identity()));
    }

    @Override
    public Optional<UserAccount> find(String username) {
        lookups.incrementAndGet();
        return Optional.ofNullable(accounts.get(username));
    }

    int lookups() {
        return lookups.get();
    }
}
