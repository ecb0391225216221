package dev.modelrepo.autoconfigure.replica;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the read replica, under {@code modelrepo.replica.*}.
 */
@ConfigurationProperties("modelrepo.replica")
public class ReplicaProperties {

    /**
     * JDBC URL of the read replica. Read-only transactions and modelrepo's reads outside a transaction go to it when
     * set (or when a @ReplicaDataSource bean exists).
     */
    private @Nullable String url;

    /** Login user of the read replica. */
    private @Nullable String username;

    /** Login password of the read replica. */
    private @Nullable String password;

    /** Lag past which the replica is skipped and reads go to the primary. No limit when zero. */
    private Duration maxLag = Duration.ofSeconds(5);

    /** Interval of the background check of the replica's state and lag (one query on each server). */
    private Duration checkInterval = Duration.ofSeconds(1);

    public @Nullable String getUrl() {
        return this.url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    public @Nullable String getUsername() {
        return this.username;
    }

    public void setUsername(@Nullable String username) {
        this.username = username;
    }

    public @Nullable String getPassword() {
        return this.password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public Duration getMaxLag() {
        return this.maxLag;
    }

    public void setMaxLag(Duration maxLag) {
        this.maxLag = maxLag;
    }

    public Duration getCheckInterval() {
        return this.checkInterval;
    }

    public void setCheckInterval(Duration checkInterval) {
        this.checkInterval = checkInterval;
    }
}
