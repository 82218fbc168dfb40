package org.gridledger.testing;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/** Hamcrest matchers for fixture tests: a rejection is recognised by its error code, never by its message. */
public final class Rejections {

    private Rejections() {
    }

    /** Matches a {@link DomainException} carrying {@code code}. */
    public static Matcher<DomainException> rejectedWith(ErrorCode code) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException exception, Description mismatch) {
                if (exception.code() != code) {
                    mismatch.appendText("code was ").appendValue(exception.code())
                            .appendText(" (").appendText(exception.getMessage()).appendText(")");
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException with code ").appendValue(code);
            }
        };
    }
}
