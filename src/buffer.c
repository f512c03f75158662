/*
 * buffer.c - the growable byte buffer every stage writes into.
 *
 * Out of memory is not recoverable for a batch coder, so growth aborts with
 * a message instead of making every caller check for NULL.
 */
#include "internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void *rs_grow_or_die(void *p, size_t size)
{
    void *q = realloc(p, size);
    if (!q) {
        fprintf(stderr, "rasad: out of memory (%zu bytes)\n", size);
        abort();
    }
    return q;
}

void rs_buf_init(rs_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void rs_buf_free(rs_buf *b)
{
    free(b->data);
    rs_buf_init(b);
}

void rs_buf_clear(rs_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void rs_buf_reserve(rs_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    b->data = rs_grow_or_die(b->data, cap);
    b->cap = cap;
    b->data[b->len] = '\0';
}

void rs_buf_append(rs_buf *b, const void *data, size_t len)
{
    rs_buf_reserve(b, len);
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void rs_buf_puts(rs_buf *b, const char *s)
{
    rs_buf_append(b, s, strlen(s));
}

void rs_buf_putc(rs_buf *b, char c)
{
    rs_buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

/* Formats into the room already there, which nearly always suffices: the
 * output writes a few formatted fields per event, and measuring each one
 * first ran vsnprintf twice. */
void rs_buf_printf(rs_buf *b, const char *fmt, ...)
{
    rs_buf_reserve(b, 128);
    size_t room = b->cap - b->len;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->data + b->len, room, fmt, ap);
    va_end(ap);
    if (n <= 0) {
        b->data[b->len] = '\0';
        return;
    }
    if ((size_t)n >= room) {
        rs_buf_reserve(b, (size_t)n);
        va_start(ap, fmt);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

void rs_buf_put_uint(rs_buf *b, uint64_t n)
{
    char digits[20];
    size_t k = sizeof digits;
    do {
        digits[--k] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    rs_buf_append(b, digits + k, sizeof digits - k);
}

void rs_buf_put_fixed(rs_buf *b, float v, int decimals)
{
    /* Scaling a float by up to 10^4 is exact in a double, so rint (ties to
     * even, as printf rounds the exact value) gives printf's digits. */
    static const double scale[] = {1, 10, 100, 1000, 10000};
    if (decimals < 0 || decimals > 4 || !isfinite(v) || fabsf(v) >= 1e9f) {
        rs_buf_printf(b, "%.*f", decimals, (double)v);
        return;
    }
    if (signbit(v))
        rs_buf_putc(b, '-');
    uint64_t n = (uint64_t)rint(fabs((double)v) * scale[decimals]);
    uint64_t unit = (uint64_t)scale[decimals];
    rs_buf_put_uint(b, n / unit);
    if (decimals == 0)
        return;
    char digits[5];
    uint64_t frac = n % unit;
    for (int k = decimals - 1; k >= 0; k--, frac /= 10)
        digits[k] = (char)('0' + frac % 10);
    rs_buf_putc(b, '.');
    rs_buf_append(b, digits, (size_t)decimals);
}

void rs_buf_put_utf8(rs_buf *b, uint32_t c)
{
    char s[4];
    rs_buf_append(b, s, rs_utf8_encode(c, s));
}

char *rs_buf_detach(rs_buf *b)
{
    rs_buf_reserve(b, 0);
    char *p = b->data;
    rs_buf_init(b);
    return p;
}

void *rs_grow_array(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t n = *cap ? *cap * 2 : 16;
    while (n < need)
        n *= 2;
    p = rs_grow_or_die(p, n * size);
    *cap = n;
    return p;
}
