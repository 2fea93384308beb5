package org.billinghost.launcher;

/**
 * A start-up failure the administrator can act on. Its message is one complete sentence that the
 * launcher prints instead of a stack trace.
 */
final class StartupException extends Exception {
    private static final long serialVersionUID = 1L;

    StartupException(String sentence) {
        super(sentence);
    }

    StartupException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
