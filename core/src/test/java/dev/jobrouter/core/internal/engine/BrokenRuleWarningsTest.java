package dev.jobrouter.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobrouter.core.ErrorCode;
import dev.jobrouter.core.RouterException;
import dev.jobrouter.core.command.IssueOffer;
import dev.jobrouter.core.command.RevokeOffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;

class BrokenRuleWarningsTest {

    /** Keeps the warnings it is given, formatted. */
    private static final class Lines extends LegacyAbstractLogger {
        final List<String> warnings = new ArrayList<>();

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable throwable) {
            warnings.add(org.slf4j.helpers.MessageFormatter.basicArrayFormat(pattern, arguments));
        }

        @Override public boolean isTraceEnabled() { return false; }
        @Override public boolean isDebugEnabled() { return false; }
        @Override public boolean isInfoEnabled() { return false; }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public boolean isErrorEnabled() { return true; }
    }

    @Test
    void aRuleFailingForEveryCandidateIsLoggedOncePerTenfoldWithACount() {
        Lines log = new Lines();
        BrokenRuleWarnings warnings = new BrokenRuleWarnings(log);
        RouterException failure = new RouterException(ErrorCode.CONFLICT, "a condition failed", "broken", null);

        for (int worker = 0; worker < 10_000; worker++) {
            warnings.failed("broken", new IssueOffer("j1", "w" + worker), failure);
        }
        warnings.failed("broken", new RevokeOffer("o1", "j1", "w1"), failure);

        assertThat(log.warnings).hasSize(6);
        assertThat(log.warnings.get(4)).startsWith("rule broken failed 10000 times deciding IssueOffer");
        assertThat(log.warnings.get(5)).startsWith("rule broken failed 1 time deciding RevokeOffer");
        assertThat(warnings.count("broken", IssueOffer.class)).isEqualTo(10_000);
    }
}
