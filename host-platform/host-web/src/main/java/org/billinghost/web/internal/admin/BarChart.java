package org.billinghost.web.internal.admin;

import org.billinghost.api.billing.DailyFigures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A bar chart of one figure per day, drawn by the dashboard's template as inline SVG (no script, nothing
 * loaded from elsewhere). Geometry in the SVG's own units: {@link #WIDTH} by {@link #HEIGHT}.
 */
public record BarChart(String title, String id, String total, List<Bar> bars) {
    public static final int WIDTH = 600;
    public static final int HEIGHT = 120;

    /** One day's bar: its place and size, and the text of its tooltip. Public: the template reads it. */
    public record Bar(int x, int y, int width, int height, String tooltip) {
    }

    static BarChart of(String title, String id, List<DailyFigures.Day> days, Function<DailyFigures.Day, BigDecimal> value,
                       Function<BigDecimal, String> format) {
        BigDecimal max = days.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::max);
        BigDecimal total = days.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
        int slot = WIDTH / Math.max(days.size(), 1);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            BigDecimal v = value.apply(days.get(i));
            int h = max.signum() == 0 ? 0 : v.multiply(BigDecimal.valueOf(HEIGHT - 4))
                    .divide(max, java.math.RoundingMode.HALF_UP).intValue();
            bars.add(new Bar(i * slot + 1, HEIGHT - h, Math.max(slot - 2, 1), h,
                    days.get(i).day() + ": " + format.apply(v)));
        }
        return new BarChart(title, id, format.apply(total), bars);
    }
}
