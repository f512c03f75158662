/* test_normalize.c - the canonical matching form: every spelling variant
 * that news uses must come out the same. */
#include "test_util.h"

#include <unicode/unorm2.h>

/* Each row: spellings that must normalise to the same string. */
static const char *const equal_sets[][4] = {
    {"می‌کند", "میکند", "می کند", NULL},
    {"نمی‌خواهد", "نمیخواهد", "نمی خواهد", NULL},
    {"رسانه‌های", "رسانههای", "رسانه های", NULL},
    {"گروه‌ها", "گروهها", "گروه ها", NULL},
    {"بزرگ‌ترین", "بزرگترین", "بزرگ ترین", NULL},
    {"خانه‌ای", "خانهای", "خانه ای", NULL},
    {"علي", "علی", "على", NULL},
    {"كابل", "کابل", NULL},
    {"حكومة", "حکومه", "حکومۀ", NULL},
    {"أفغانستان", "افغانستان", "إفغانستان", NULL},
    {"آذربایجان", "اذربایجان", NULL},
    {"مُحَمَّد", "محمد", "مـحـمـد", NULL},
    {"تأکید", "تاکید", NULL},
    {"۱۴۰۲", "١٤٠٢", "1402", NULL},
    {"۳٫۵", "3.5", NULL},
    {"Kabul", "KABUL", "kabul", NULL},
    {"\xEF\xBB\xB3\xEF\xBA\xAE\xEF\xBB\xA3", "یرم", NULL}, /* presentation forms (NFKC) */
    {"  وزیر   خارجه\t", "وزیر خارجه", NULL},
    {"\xE2\x80\x8Fکابل\xE2\x80\x8E", "کابل", NULL},
    {"ا\xD9\x94", "ا", "أ", NULL}, /* a combining hamza composes, then folds */
};

static void spelling_variants_compare_equal(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof equal_sets / sizeof *equal_sets; i++) {
        char *first = rs_normalize_dup(equal_sets[i][0], strlen(equal_sets[i][0]));
        for (size_t k = 1; k < 4 && equal_sets[i][k]; k++) {
            const char *other = rs_test_norm(equal_sets[i][k]);
            if (strcmp(first, other) != 0)
                fail_msg("row %zu: '%s' -> '%s' but '%s' -> '%s'", i, equal_sets[i][0], first,
                         equal_sets[i][k], other);
        }
        free(first);
    }
}

static void the_canonical_form_is_as_documented(void **state)
{
    (void)state;
    assert_string_equal(rs_test_norm("می‌کند"), "میکند");
    assert_string_equal(rs_test_norm("رسانه‌های"), "رسانههای");
    assert_string_equal(rs_test_norm("علي"), "علی");
    assert_string_equal(rs_test_norm("الحكومة"), "الحکومه");
    assert_string_equal(rs_test_norm("٢٥ نوفمبر ٢٠٢٤"), "25 نوفمبر 2024");
    assert_string_equal(rs_test_norm("١٢٬٠٠٠"), "12,000");
}

static void words_that_merely_look_like_affixes_stay_apart(void **state)
{
    (void)state;
    /* The Afghan spelling of May after a number or ماه is not می. */
    assert_string_equal(rs_test_norm("۱۵ می ۲۰۲۴"), "15 می 2024");
    assert_string_equal(rs_test_norm("ماه می گذشته"), "ماه می گذشته");
    assert_string_equal(rs_test_norm("می 2024"), "می 2024");
    assert_string_equal(rs_test_norm("Hezb ha"), "hezb ha");
}

/* The fast path must agree with ICU on every character it accepts. */
static void the_fast_path_agrees_with_icu(void **state)
{
    (void)state;
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
    assert_true(U_SUCCESS(err));
    for (UChar c = 0x0600; c <= 0x06FF; c++) {
        UChar out[32];
        err = U_ZERO_ERROR;
        int32_t n = unorm2_normalize(nfkc, &c, 1, out, 32, &err);
        assert_true(U_SUCCESS(err));
        int composing = c >= 0x0653 && c <= 0x0655;
        int decomposes = !(n == 1 && out[0] == c);
        /* rs_normalize sends these two kinds to ICU; everything else in the
         * block must be left alone by NFKC. */
        if (decomposes && !composing && !(c >= 0x0675 && c <= 0x0678))
            fail_msg("U+%04X changes under NFKC but takes the fast path", c);
    }
}

static void empty_and_blank_give_empty(void **state)
{
    (void)state;
    assert_string_equal(rs_test_norm(""), "");
    assert_string_equal(rs_test_norm(" \t\n "), "");
    assert_string_equal(rs_test_norm("\xE2\x80\x8C"), "");
}

static void bad_utf8_becomes_replacement(void **state)
{
    (void)state;
    assert_string_equal(rs_test_norm("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spelling_variants_compare_equal),
        cmocka_unit_test(the_canonical_form_is_as_documented),
        cmocka_unit_test(words_that_merely_look_like_affixes_stay_apart),
        cmocka_unit_test(the_fast_path_agrees_with_icu),
        cmocka_unit_test(empty_and_blank_give_empty),
        cmocka_unit_test(bad_utf8_becomes_replacement),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
