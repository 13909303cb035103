package org.hotline.security;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.hotline.organization.UserAccount;
import org.hotline.organization.UserAccounts;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The test {@link Users} in memory, counting lookups so that tests can show when the store was asked, and
 * changeable as an admin would change them ({@link #change}; {@link #restore} undoes every change).
 */
final class CountingUserAccounts implements UserAccounts {

    private final Map<String, UserAccount> initial;
    private final Map<String, UserAccount> accounts = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    CountingUserAccounts(PasswordEncoder encoder) {
        String hash = encoder.encode(Users.PASSWORD);
        this.initial = Map.copyOf(Arrays.stream(Users.ALL).collect(java.util.stream.Collectors.toMap(
                Users.TestUser::username,
                u -> new UserAccount(u.username(), u.displayName(), hash, u.role(), u.unit(), u.enabled()))));
        accounts.putAll(initial);
    }

    @Override
    public Optional<UserAccount> find(String username) {
        lookups.incrementAndGet();
        return username == null ? Optional.empty() : Optional.ofNullable(accounts.get(username));
    }

    @Override
    public java.util.List<UserAccount> withRole(org.hotline.organization.Role role) {
        return accounts.values().stream().filter(a -> a.role() == role)
                .sorted(java.util.Comparator.comparing(UserAccount::username)).toList();
    }

    int lookups() {
        return lookups.get();
    }

    /** What an admin's edit leaves in the store. */
    void change(Users.TestUser user, UnaryOperator<UserAccount> change) {
        accounts.computeIfPresent(user.username(), (name, account) -> change.apply(account));
    }

    void restore() {
        accounts.clear();
        accounts.putAll(initial);
    }
}
