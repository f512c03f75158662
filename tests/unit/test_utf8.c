/* test_utf8.c - decoding, validation and repair of UTF-8, and legacy
 * Arabic code pages turned into UTF-8 with ICU. */
#include "test_util.h"

#include <unicode/ucnv.h>

static void repairs_each_bad_byte(void **state)
{
    (void)state;
    rs_buf out;
    rs_buf_init(&out);
    const char bad[] = "ab\xFF" "c\xE2\x82" "d\xC0\x80";
    size_t fixed = rs_utf8_repair(bad, sizeof bad - 1, &out);
    assert_int_equal(fixed, 5);
    assert_string_equal(out.data, "ab\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD" "d\xEF\xBF\xBD\xEF\xBF\xBD");
    rs_buf_free(&out);
}

static void rejects_surrogates_and_overlongs(void **state)
{
    (void)state;
    assert_int_equal(rs_utf8_valid_prefix("\xED\xA0\x80", 3), 0);
    assert_int_equal(rs_utf8_valid_prefix("\xF4\x90\x80\x80", 4), 0);
    assert_int_equal(rs_utf8_valid_prefix("\xE0\x80\xAF", 3), 0);
    assert_int_equal(rs_utf8_valid_prefix("\xD8\xA7\xD9\x84", 4), 4);
    assert_int_equal(rs_utf8_valid_prefix("abcdefghijkl\xFF", 13), 12);
}

static void decodes_code_points(void **state)
{
    (void)state;
    const char *s = "a\xDB\x8C\xF0\x9F\x98\x80\xFF";
    size_t i = 0, len = strlen(s);
    assert_int_equal(rs_utf8_next(s, len, &i), 'a');
    assert_int_equal(rs_utf8_next(s, len, &i), 0x06CC);
    assert_int_equal(rs_utf8_next(s, len, &i), 0x1F600);
    assert_int_equal(rs_utf8_next(s, len, &i), 0xFFFD);
    assert_int_equal(i, len);
}

/* Encodes UTF-8 text into a legacy code page with ICU, for test input. */
static size_t encode_as(const char *charset, const char *utf8, char *out, size_t cap)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = ucnv_convert(charset, "UTF-8", out, (int32_t)cap, utf8, -1, &err);
    assert_true(U_SUCCESS(err));
    return (size_t)n;
}

static const char *arabic_text =
    "قال وزير الخارجية إن الحكومة ستعقد اجتماعا مع الوفد الروسي في العاصمة الأسبوع المقبل، "
    "وأكد أن العلاقات بين البلدين تشهد تطورا ملحوظا في المجالات الاقتصادية والأمنية.";

static void converts_windows_1256(void **state)
{
    (void)state;
    char raw[4096];
    size_t n = encode_as("windows-1256", arabic_text, raw, sizeof raw);
    rs_buf out;
    rs_buf_init(&out);
    const char *charset = rs_to_utf8(raw, n, &out);
    assert_non_null(charset);
    assert_string_equal(out.data, arabic_text);
    rs_buf_free(&out);
}

static void converts_iso_8859_6(void **state)
{
    (void)state;
    char raw[4096];
    size_t n = encode_as("ISO-8859-6", arabic_text, raw, sizeof raw);
    rs_buf out;
    rs_buf_init(&out);
    const char *charset = rs_to_utf8(raw, n, &out);
    assert_non_null(charset);
    assert_string_equal(out.data, arabic_text);
    rs_buf_free(&out);
}

static void converts_persian_windows_1256(void **state)
{
    (void)state;
    /* windows-1256 has no Persian ی (U+06CC): legacy Persian pages wrote
     * Arabic ي, as here. */
    const char *persian = "وزير خارجه پاکستان روز گذشته با همتاي چيني خود در پکن گفتگو کرد و "
                          "دو طرف درباره گسترش همکاري هاي اقتصادي توافق کردند.";
    char raw[4096];
    size_t n = encode_as("windows-1256", persian, raw, sizeof raw);
    rs_buf out;
    rs_buf_init(&out);
    assert_non_null(rs_to_utf8(raw, n, &out));
    assert_string_equal(out.data, persian);
    rs_buf_free(&out);
}

static void damaged_utf8_is_repaired_not_reencoded(void **state)
{
    (void)state;
    /* Mostly good UTF-8 with one stray byte: a legacy code page would
     * garble the good part, so it must be repaired instead. */
    const char damaged[] = "سفارت آذربایجان \xFF در کابل";
    rs_buf out;
    rs_buf_init(&out);
    assert_null(rs_to_utf8(damaged, sizeof damaged - 1, &out));
    assert_string_equal(out.data, "سفارت آذربایجان \xEF\xBF\xBD در کابل");
    rs_buf_free(&out);
}

/* The valid prefix by the Unicode table, one sequence at a time: what
 * rs_utf8_valid_prefix, eight bytes at a time where it can, must agree
 * with. */
static size_t reference_valid_prefix(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (n == 0 || len - i < n)
            return i;
        uint32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n;
    }
    return len;
}

static void valid_prefix_agrees_with_the_table(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a", " ", "\xD8\xA7", "\xDB\x8C", "\xC2\xA0", "\xDF\xBF", "\x80", "\xBF",
                                         "\xC0\x80", "\xC1\xBF", "\xC2", "\xD9", "\xE2\x80\x8C", "\xED\xA0\x80",
                                         "\xF0\x9F\x98\x80", "\xF4\x90\x80\x80", "\xFF", "\n"};
    unsigned char buf[64];
    unsigned seed = 12345;
    for (int round = 0; round < 200000; round++) {
        size_t len = 0;
        while (len < 40) {
            seed = seed * 1103515245u + 12345u;
            /* Mostly good pieces, so that bad ones land at every offset. */
            size_t k = (seed >> 16) % 100 < 90 ? (seed >> 8) % 6 : (seed >> 8) % (sizeof pieces / sizeof *pieces);
            size_t n = strlen(pieces[k]);
            memcpy(buf + len, pieces[k], n);
            len += n;
        }
        for (size_t cut = 0; cut <= len; cut += 7)
            assert_int_equal(rs_utf8_valid_prefix((const char *)buf, cut), reference_valid_prefix(buf, cut));
        assert_int_equal(rs_utf8_valid_prefix((const char *)buf, len), reference_valid_prefix(buf, len));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(repairs_each_bad_byte),
        cmocka_unit_test(rejects_surrogates_and_overlongs),
        cmocka_unit_test(decodes_code_points),
        cmocka_unit_test(converts_windows_1256),
        cmocka_unit_test(converts_iso_8859_6),
        cmocka_unit_test(converts_persian_windows_1256),
        cmocka_unit_test(damaged_utf8_is_repaired_not_reencoded),
        cmocka_unit_test(valid_prefix_agrees_with_the_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
