package org.billinghost.api.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.billinghost.api.module.CommandResult.Failure;
import org.junit.jupiter.api.Test;

class CommandResultTest {
    @Test
    void successAnswersWhmcsSuccessString() {
        assertThat(CommandResult.success().toString()).isEqualTo("success");
        assertThat(CommandResult.success().failure()).isEqualTo(Failure.NONE);
    }

    @Test
    void anErrorIsPermanentAndAnswersItsMessage() {
        CommandResult error = CommandResult.error("Bad plan");
        assertThat(error.failure()).isEqualTo(Failure.PERMANENT);
        assertThat(error.toString()).isEqualTo("Bad plan");
    }

    @Test
    void aTransientErrorKeepsItsRetryAfter() {
        CommandResult error = CommandResult.transientError("Busy", Duration.ofSeconds(30));
        assertThat(error.failure()).isEqualTo(Failure.TRANSIENT);
        assertThat(error.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aSuccessWithAFailureKindIsRefused() {
        assertThatThrownBy(() -> new CommandResult(true, "x", Failure.PERMANENT, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
