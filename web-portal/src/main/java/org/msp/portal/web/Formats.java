package org.msp.portal.web;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Numbers, amounts and dates as the visitor's language writes them ({@code {amount.usd}}, {@code {time.dateTime}}). */
@TemplateExtension
public class Formats {

    static String usd(BigDecimal amount, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale(locale));
        format.setCurrency(java.util.Currency.getInstance("USD"));
        format.setMaximumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        return format.format(amount);
    }

    /** An amount in its own currency (ISO 4217), e.g. "€18,000,000.00" or "18 000 000,00 €". */
    static String money(BigDecimal amount, String currency, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale(locale));
        try {
            format.setCurrency(java.util.Currency.getInstance(currency));
        } catch (IllegalArgumentException | NullPointerException notACurrency) {
            return NumberFormat.getNumberInstance(locale(locale)).format(amount) + " " + currency;
        }
        return format.format(amount);
    }

    static String decimal(Number value, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale(locale));
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    static String number(long value, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return NumberFormat.getIntegerInstance(locale(locale)).format(value);
    }

    /** In UTC, said so: the platform's readers live in every time zone. */
    static String dateTime(OffsetDateTime time, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (time == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale(locale))
                .format(time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + " UTC";
    }

    static String date(LocalDate date, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale(locale)).format(date);
    }

    /** 1 300 017 → "1.3 MB" (SI units, as browsers and file managers show sizes), in the visitor's digits. */
    static String fileSize(long bytes, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale(locale));
        format.setMaximumFractionDigits(1);
        if (bytes < 1000) {
            return format.format(bytes) + " B";
        }
        return bytes < 1_000_000 ? format.format(bytes / 1000.0) + " kB" : format.format(bytes / 1_000_000.0) + " MB";
    }

    /** The first 12 hex digits of a hash: enough to compare by eye; the full hash is in the title. */
    static String shortHash(String hash) {
        return hash == null || hash.length() <= 12 ? hash : hash.substring(0, 12) + "…";
    }

    private static Locale locale(Object attribute) {
        return attribute instanceof Locale l ? l : attribute instanceof String s ? Locale.forLanguageTag(s) : Locale.ENGLISH;
    }
}
