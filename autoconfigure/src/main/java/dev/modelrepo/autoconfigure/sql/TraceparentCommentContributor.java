package dev.modelrepo.autoconfigure.sql;

import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * {@code traceparent}: the W3C trace context of the current span (the statement's own, when its observation is
 * traced), {@code 00-<trace id>-<span id>-<flags>}, whatever propagation format the application sends; nothing
 * without a current span.
 */
final class TraceparentCommentContributor implements SqlCommentContributor {

    private final Tracer tracer;

    TraceparentCommentContributor(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public void contribute(Map<String, String> tags) {
        Span span = this.tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return;
        }
        String traceparent = traceparent(span.context());
        if (traceparent != null) {
            tags.put("traceparent", traceparent);
        }
    }

    /** The W3C traceparent of this context; null when its ids are not hexadecimal ones of a W3C length or shorter. */
    static @Nullable String traceparent(TraceContext context) {
        String traceId = context.traceId();
        String spanId = context.spanId();
        if (!isHex(traceId, 32) || !isHex(spanId, 16)) {
            return null;
        }
        // 64-bit trace ids (B3's short form) are the low half of a 128-bit one
        return "00-" + "0".repeat(32 - traceId.length()) + traceId + "-" + "0".repeat(16 - spanId.length()) + spanId
                + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
    }

    private static boolean isHex(@Nullable String id, int maxLength) {
        if (id == null || id.isEmpty() || id.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
