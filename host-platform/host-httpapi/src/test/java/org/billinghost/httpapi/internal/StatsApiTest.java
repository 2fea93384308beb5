package org.billinghost.httpapi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.billinghost.api.platform.AutoSetup;
import org.billinghost.api.platform.PayType;
import org.junit.jupiter.api.Test;

/** GetStats: income and order figures by the billing clock's days. */
class StatsApiTest extends ApiTestSupport {

    /** Places a one-product order on the billing clock's day and answers its id and invoice id. */
    private static long[] order(LocalDate day, String price) {
        core.clock().set(day);
        Reply placed = call("AddOrder", "clientid", String.valueOf(newClient()), "pid", String.valueOf(
                product(AutoSetup.MANUAL, "success", PayType.ONETIME, new BigDecimal(price)).id())).ok();
        return new long[] {placed.id("orderid"), placed.id("invoiceid")};
    }

    private static void acceptAndPay(long[] order) {
        call("AcceptOrder", "orderid", String.valueOf(order[0])).ok();
        call("AddInvoicePayment", "invoiceid", String.valueOf(order[1]), "transid", unique("tx-stats-"),
                "gateway", "banktransfer").ok();
    }

    @Test
    void answersIncomeAndOrdersOfTodayYesterdayThisMonthAndThisYear() {
        JsonNode before = call("GetStats").ok().json();
        LocalDate today = LocalDate.of(2031, 4, 15);
        acceptAndPay(order(LocalDate.of(2030, 12, 31), "100.00"));
        acceptAndPay(order(LocalDate.of(2031, 3, 10), "7.00"));
        order(today.minusDays(1), "3.00");
        acceptAndPay(order(today, "12.50"));
        call("CancelOrder", "orderid", String.valueOf(order(today, "1.00")[0])).ok();
        order(today, "2.00");

        JsonNode stats = call("GetStats").ok().json();

        assertThat(stats.path("income_today").asText()).isEqualTo("12.50");
        assertThat(stats.path("income_thismonth").asText()).isEqualTo("12.50");
        assertThat(stats.path("income_thisyear").asText()).isEqualTo("19.50");
        assertThat(new BigDecimal(stats.path("income_alltime").asText()))
                .isEqualTo(new BigDecimal(before.path("income_alltime").asText()).add(new BigDecimal("119.50")));
        assertThat(stats.path("orders_pending").asLong()).isEqualTo(before.path("orders_pending").asLong() + 2);
        assertThat(stats.path("orders_today_active").asLong()).isEqualTo(1);
        assertThat(stats.path("orders_today_cancelled").asLong()).isEqualTo(1);
        assertThat(stats.path("orders_today_pending").asLong()).isEqualTo(1);
        assertThat(stats.path("orders_today_fraud").asLong()).isZero();
        assertThat(stats.path("orders_today_total").asLong()).isEqualTo(3);
        assertThat(stats.path("orders_yesterday_pending").asLong()).isEqualTo(1);
        assertThat(stats.path("orders_yesterday_total").asLong()).isEqualTo(1);
        assertThat(stats.path("orders_thismonth_total").asLong()).isEqualTo(4);
        assertThat(stats.path("orders_thisyear_total").asLong()).isEqualTo(5);
        assertThat(stats.has("tickets_allactive")).isFalse();
    }

    @Test
    void timelineDaysIsRefusedByName() {
        call("GetStats", "timeline_days", "7").refused(200, "timeline_days");
    }
}
