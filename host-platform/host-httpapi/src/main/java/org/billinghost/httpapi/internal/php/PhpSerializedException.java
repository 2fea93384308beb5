package org.billinghost.httpapi.internal.php;

/** PHP-serialised input that is malformed or uses a construct the parser refuses (objects, references). */
public final class PhpSerializedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    PhpSerializedException(String message, int offset) {
        super(message + " at byte " + offset);
    }
}
