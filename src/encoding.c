/*
 * encoding.c - making raw input bytes into clean UTF-8.
 *
 * Old Arabic and Persian sites and archives still serve windows-1256 or
 * ISO-8859-6. ICU's charset detector names the code page and ICU's
 * converters decode it; this file only decides when to trust them. Bytes
 * that are neither UTF-8 nor a plausible Arabic code page are repaired with
 * U+FFFD so that nothing after them is lost.
 */
#include "internal.h"

#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

static const char *const rs_legacy_charsets[] = {"windows-1256", "ISO-8859-6"};

/* Share of the non-ASCII characters of s that are Arabic-script letters. */
static double rs_arabic_share(const char *s, size_t len)
{
    size_t arabic = 0, other = 0, i = 0;
    while (i < len) {
        uint32_t c = rs_utf8_step(s, len, &i);
        if (c < 0x80)
            continue;
        if ((c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) || (c >= 0x0660 && c <= 0x06FF))
            arabic++;
        else
            other++;
    }
    return arabic + other ? (double)arabic / (double)(arabic + other) : 0.0;
}

/* Converts s from charset into out; returns 0 when ICU reported no error. */
static int rs_convert(const char *charset, const char *s, size_t len, rs_buf *out)
{
    UErrorCode err = U_ZERO_ERROR;
    size_t cap = len * 3 + 4;
    size_t before = out->len;
    rs_buf_reserve(out, cap);
    int32_t n = ucnv_convert("UTF-8", charset, out->data + out->len, (int32_t)cap,
                             s, (int32_t)len, &err);
    if (U_FAILURE(err) || n < 0) {
        out->len = before;
        out->data[before] = '\0';
        return -1;
    }
    out->len += (size_t)n;
    out->data[out->len] = '\0';
    return 0;
}

/* The charset ICU's detector ranks highest among ours, or NULL. */
static const char *rs_detect_legacy(const char *s, size_t len)
{
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&err);
    if (U_FAILURE(err))
        return NULL;
    ucsdet_setText(det, s, (int32_t)len, &err);
    int32_t n = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(det, &n, &err);
    const char *found = NULL;
    for (int32_t i = 0; U_SUCCESS(err) && i < n && !found; i++) {
        const char *name = ucsdet_getName(matches[i], &err);
        for (size_t k = 0; name && k < sizeof rs_legacy_charsets / sizeof *rs_legacy_charsets; k++)
            if (strcmp(name, rs_legacy_charsets[k]) == 0)
                found = rs_legacy_charsets[k];
    }
    ucsdet_close(det);
    return found;
}

/* How Arabic a decoding reads: the share of its non-ASCII characters that
 * are Arabic-script letters; replacement characters count against it. */
static double rs_decoding_score(const char *charset, const char *s, size_t len, rs_buf *tmp)
{
    rs_buf_clear(tmp);
    if (rs_convert(charset, s, len, tmp) != 0)
        return 0.0;
    return rs_arabic_share(tmp->data, tmp->len);
}

/* A code page is only guessed from enough text to judge it by: a stray
 * byte or two in an English text is damage, not windows-1256. */
#define RS_LEGACY_MIN_BYTES 16

static size_t rs_high_bytes(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += (unsigned char)s[i] >= 0x80;
    return n;
}

/* True when s is mostly UTF-8 with a few damaged bytes: more valid
 * multi-byte sequences than bad bytes. A legacy code page almost never forms
 * valid sequences by chance, while a damaged UTF-8 page is mostly valid. */
static int rs_mostly_utf8(const char *s, size_t len)
{
    size_t good = 0, bad = 0, i = 0;
    while (i < len) {
        size_t ok = rs_utf8_valid_prefix(s + i, len - i);
        for (size_t k = i; k < i + ok; k++)
            good += ((unsigned char)s[k] & 0xC0) == 0xC0;
        i += ok;
        if (i < len)
            bad++, i++;
    }
    return good > bad;
}

const char *rs_to_utf8(const char *s, size_t len, rs_buf *out)
{
    if (rs_utf8_valid_prefix(s, len) == len) {
        rs_buf_append(out, s, len);
        return NULL;
    }
    if (len > INT32_MAX / 4 || rs_high_bytes(s, len) < RS_LEGACY_MIN_BYTES || rs_mostly_utf8(s, len)) {
        rs_utf8_repair(s, len, out);
        return NULL;
    }
    /* Each code page decodes any byte string, so each is tried and the one
     * that reads most like Arabic script wins; ICU's detector breaks ties,
     * since it also weighs letter sequences. */
    const char *guess = rs_detect_legacy(s, len);
    const char *best = NULL;
    double best_score = 0.75;
    rs_buf tmp;
    rs_buf_init(&tmp);
    for (size_t k = 0; k < sizeof rs_legacy_charsets / sizeof *rs_legacy_charsets; k++) {
        const char *cs = rs_legacy_charsets[k];
        double score = rs_decoding_score(cs, s, len, &tmp) + (cs == guess ? 0.01 : 0.0);
        if (score > best_score)
            best = cs, best_score = score;
    }
    rs_buf_free(&tmp);
    if (best && rs_convert(best, s, len, out) == 0)
        return best;
    rs_utf8_repair(s, len, out);
    return NULL;
}
