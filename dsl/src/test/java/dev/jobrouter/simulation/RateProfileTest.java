package dev.jobrouter.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateProfileTest {
    private static final Instant NINE = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void aConstantRateSpendsTheDrawAtThatRate() {
        RateProfile oneASecond = RateProfile.constant(Rate.perSecond(1));

        assertThat(oneASecond.after(NINE, 2.5)).isEqualTo(NINE.plusMillis(2500));
        assertThat(oneASecond.perHourAt(NINE)).isEqualTo(3600);
    }

    @Test
    void aDrawCrossesStepsAtTheirBoundaries() {
        // Nothing until 10:00, then one a second: a draw of 1 from 09:00 lands at 10:00:01.
        RateProfile profile = RateProfile.startingAt(LocalTime.MIDNIGHT, 0).from(LocalTime.of(10, 0), 3600);
        assertThat(profile.after(NINE, 1)).isEqualTo(Instant.parse("2026-01-05T10:00:01Z"));

        // 1800 an hour (one in 2 s) until 09:00:10, then 3600: a draw of 10 uses 5 in the first 10 s, 5 after.
        RateProfile faster = RateProfile.startingAt(LocalTime.MIDNIGHT, 1800).from(LocalTime.of(9, 0, 10), 3600);
        assertThat(faster.after(NINE, 10)).isEqualTo(Instant.parse("2026-01-05T09:00:15Z"));
    }

    @Test
    void theLastStepRunsPastMidnightUntilTheFirstOne() {
        // One a second from 08:00 to 09:00, none from 09:00: at 09:30 the next comes at 08:00:01 tomorrow.
        RateProfile morning = RateProfile.startingAt(LocalTime.of(8, 0), 3600).from(LocalTime.of(9, 0), 0);
        assertThat(morning.after(NINE.plusSeconds(1800), 1)).isEqualTo(Instant.parse("2026-01-06T08:00:01Z"));
        assertThat(morning.perHourAt(Instant.parse("2026-01-05T03:00:00Z"))).isZero();   // the 09:00 step, from yesterday
        assertThat(morning.perHourAt(Instant.parse("2026-01-05T08:30:00Z"))).isEqualTo(3600);
    }

    @Test
    void aProfileThatIsZeroAllDayNeverArrives() {
        assertThat(RateProfile.startingAt(LocalTime.NOON, 0).after(NINE, 0.5)).isNull();
    }

    @Test
    void stepsAreKeptInTimeOrderWhateverOrderTheyWereGivenIn() {
        RateProfile profile = RateProfile.startingAt(LocalTime.of(18, 0), 0).from(LocalTime.of(8, 0), 60);

        assertThat(profile.steps()).extracting(RateProfile.Step::start)
                .containsExactly(LocalTime.of(8, 0), LocalTime.of(18, 0));
    }

    @Test
    void badStepsAreRefusedWithAClearError() {
        assertInvalid(() -> RateProfile.startingAt(LocalTime.NOON, -1), "a rate step needs a finite rate of zero or more");
        assertInvalid(() -> RateProfile.startingAt(LocalTime.NOON, Double.NaN), "a rate step needs a finite rate");
        assertInvalid(() -> RateProfile.startingAt(LocalTime.NOON, Double.POSITIVE_INFINITY), "a rate step needs a finite");
        assertInvalid(() -> RateProfile.startingAt(null, 1), "the start of a rate step must not be null");
        assertInvalid(() -> RateProfile.startingAt(LocalTime.NOON, 1).from(LocalTime.NOON, 2),
                "a rate profile has two steps starting at 12:00");
        assertInvalid(() -> new RateProfile(List.of()), "a rate profile needs at least one step");
        assertInvalid(() -> RateProfile.constant(null), "the arrival rate must not be null");
        assertInvalid(() -> Arrivals.poisson((RateProfile) null), "the rate profile must not be null");
    }

    static void assertInvalid(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RouterException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).startsWith(message);
        });
    }
}
