package org.billinghost.api.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.billinghost.api.billing.BillingException.Category;
import org.junit.jupiter.api.Test;

class BillingExceptionTest {

    @Test
    void aRefusalOfOneInputNamesThatInput() {
        BillingException e = BillingException.invalid("productid", "Product 7 does not exist.");

        assertThat(e.field()).contains("productid");
        assertThat(e.category()).isEqualTo(Category.INVALID_INPUT);
        assertThat(e).hasMessage("Product 7 does not exist.");
        assertThat(BillingException.notFound("clientid", "Client 3 not found").field()).contains("clientid");
        assertThat(new BillingException(Category.CONFLICT, "email", "taken").field()).contains("email");
    }

    @Test
    void aRefusalOfTheWholeRequestNamesNoInput() {
        assertThat(BillingException.invalid("An order needs at least one product").field()).isEmpty();
        assertThat(BillingException.conflict("busy").field()).isEmpty();
        assertThat(new BillingException(Category.FORBIDDEN, "no").field()).isEmpty();
        assertThat(BillingException.invalid(" ", "blank names none").field()).isEmpty();
        assertThat(BillingException.invalid(null, "null names none").field()).isEmpty();
    }

    @Test
    void everyCategoryHasItsHttpStatus() {
        Map<Category, Integer> statuses = Arrays.stream(Category.values())
                .collect(Collectors.toMap(c -> c, Category::httpStatus));

        assertThat(statuses).isEqualTo(Map.of(Category.INVALID_INPUT, 400, Category.NOT_FOUND, 404,
                Category.CONFLICT, 409, Category.FORBIDDEN, 403, Category.UNAVAILABLE, 503));
    }

    @Test
    void aCategoryIsRequired() {
        assertThatThrownBy(() -> new BillingException(null, "x", "message")).isInstanceOf(NullPointerException.class);
    }
}
