package org.billinghost.core.internal.db;

/** Work done inside a transaction; may throw the domain's own runtime exceptions to roll back. */
@FunctionalInterface
public interface SqlWork<T> {
    T run();
}
