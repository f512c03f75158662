/* test_tokenize.c - tokens: offsets, kinds, normalised forms, joined
 * Persian affixes and the clitic and suffix analysis. */
#include "test_util.h"

typedef struct want_token {
    const char *text; /* the span in the input */
    const char *norm;
    const char *stem; /* NULL: same as norm */
    uint16_t affixes;
} want_token;

static void expect_tokens(const char *s, rs_lang lang, const want_token *want, size_t n)
{
    rs_tokens list;
    rs_tokens_init(&list);
    rs_tokenize(s, 0, strlen(s), lang, &list);
    for (size_t i = 0; i < list.n && i < n; i++) {
        const rs_token *t = &list.items[i];
        char span[256];
        snprintf(span, sizeof span, "%.*s", (int)(t->end - t->start), s + t->start);
        if (strcmp(span, want[i].text) != 0)
            fail_msg("token %zu spans [%s], want [%s]", i, span, want[i].text);
        if (strcmp(rs_token_norm(&list, t), want[i].norm) != 0)
            fail_msg("token %zu norm [%s], want [%s]", i, rs_token_norm(&list, t), want[i].norm);
        const char *stem = want[i].stem ? want[i].stem : want[i].norm;
        if (strcmp(rs_token_stem(&list, t), stem) != 0)
            fail_msg("token %zu [%s] stem [%s], want [%s]", i, span, rs_token_stem(&list, t), stem);
        if (want[i].affixes && (t->affixes & want[i].affixes) != want[i].affixes)
            fail_msg("token %zu [%s] affixes %x, want %x", i, span, t->affixes, want[i].affixes);
    }
    assert_int_equal(list.n, n);
    rs_tokens_free(&list);
}

#define EXPECT(text, lang, ...)                                                                    \
    do {                                                                                           \
        const want_token w_[] = {__VA_ARGS__};                                                     \
        expect_tokens(text, lang, w_, sizeof w_ / sizeof *w_);                                     \
    } while (0)

static void detached_persian_affixes_join(void **state)
{
    (void)state;
    EXPECT("رسانه های ایران می کند", RS_LANG_FA,
           {"رسانه های", "رسانههای", "رسانه", RS_AFFIX_PLURAL}, {"ایران", "ایران", NULL, 0},
           {"می کند", "میکند", "کند", RS_AFFIX_VERB_PREFIX});
    EXPECT("رسانه‌های", RS_LANG_FA, {"رسانه‌های", "رسانههای", "رسانه", RS_AFFIX_PLURAL});
    EXPECT("میدان", RS_LANG_FA, {"میدان", "میدان", NULL, 0});
}

static void persian_ezafe_and_pronouns(void **state)
{
    (void)state;
    EXPECT("آقای سفارتهایشان", RS_LANG_FA, {"آقای", "اقای", "اقا", RS_AFFIX_EZAFE},
           {"سفارتهایشان", "سفارتهایشان", "سفارت", RS_AFFIX_PLURAL | RS_AFFIX_PRONOUN});
}

static void arabic_clitics(void **state)
{
    (void)state;
    EXPECT("والتقى وزير بالحكومة وسيزور للمنظمات", RS_LANG_AR,
           {"والتقى", "والتقی", "تقی", RS_AFFIX_CONJ | RS_AFFIX_ARTICLE},
           {"وزير", "وزیر", "زیر", RS_AFFIX_CONJ},
           {"بالحكومة", "بالحکومه", "حکومه", RS_AFFIX_PREP | RS_AFFIX_ARTICLE},
           {"وسيزور", "وسیزور", "یزور", RS_AFFIX_CONJ | RS_AFFIX_FUTURE},
           {"للمنظمات", "للمنظمات", "منظم", RS_AFFIX_PREP | RS_AFFIX_ARTICLE | RS_AFFIX_PLURAL});
}

static void digits_glued_to_words_split_off(void **state)
{
    (void)state;
    EXPECT("25نوقمبر2024", RS_LANG_AR, {"25", "25", NULL, 0}, {"نوقمبر", "نوقمبر", NULL, 0},
           {"2024", "2024", NULL, 0});
    EXPECT("۱۴۰۲/۰۳/۳۰ و ۳٫۵", RS_LANG_FA, {"۱۴۰۲/۰۳/۳۰", "1402/03/30", NULL, 0}, {"و", "و", NULL, 0},
           {"۳٫۵", "3.5", NULL, 0});
}

static void english_possessives_and_plurals(void **state)
{
    (void)state;
    EXPECT("Russia's envoys met al-Qaeda's policies.", RS_LANG_EN,
           {"Russia's", "russia's", "russia", RS_AFFIX_POSSESSIVE},
           {"envoys", "envoys", "envoy", RS_AFFIX_PLURAL}, {"met", "met", NULL, 0},
           {"al-Qaeda's", "al-qaeda's", "al-qaeda", RS_AFFIX_POSSESSIVE},
           {"policies", "policies", "policy", RS_AFFIX_PLURAL}, {".", ".", NULL, 0});
}

static void offsets_point_into_the_text(void **state)
{
    (void)state;
    const char *s = "xx «کابل» yy";
    rs_tokens list;
    rs_tokens_init(&list);
    rs_tokenize(s, 3, strlen(s) - 3, RS_LANG_FA, &list);
    assert_int_equal(list.n, 3);
    assert_int_equal(list.items[1].start, 5);
    assert_memory_equal(s + list.items[1].start, "کابل", list.items[1].end - list.items[1].start);
    assert_int_equal(list.items[0].kind, RS_TOKEN_PUNCT);
    assert_int_equal(list.items[1].kind, RS_TOKEN_WORD);
    rs_tokens_free(&list);
}

/* The stems of words met before come from the tokenizer's memo: they must
 * be what a fresh list finds, and the memo must tell the Arabic rules
 * from the Persian ones for the same letters. */
static void remembered_stems_match_fresh_ones(void **state)
{
    (void)state;
    const char *s = "والمسؤولون في وزارت‌ها THE Policies والمسؤولون وزارت‌ها policies";
    rs_tokens list, fresh;
    rs_tokens_init(&list);
    rs_tokens_init(&fresh);
    const rs_lang langs[] = {RS_LANG_AR, RS_LANG_FA, RS_LANG_AR, RS_LANG_EN};
    for (size_t l = 0; l < sizeof langs / sizeof *langs; l++) {
        rs_tokenize(s, 0, strlen(s), langs[l], &list);
        rs_tokens_free(&fresh);
        rs_tokens_init(&fresh);
        rs_tokenize(s, 0, strlen(s), langs[l], &fresh);
        assert_int_equal(list.n, fresh.n);
        for (size_t i = 0; i < list.n; i++) {
            assert_string_equal(rs_token_stem(&list, &list.items[i]), rs_token_stem(&fresh, &fresh.items[i]));
            assert_int_equal(list.items[i].affixes, fresh.items[i].affixes);
            assert_true(list.items[i].stem_hash == fresh.items[i].stem_hash);
        }
    }
    /* The same word, stemmed by each language's rules in turn. */
    rs_tokenize("والمسؤولون", 0, strlen("والمسؤولون"), RS_LANG_AR, &list);
    assert_int_not_equal(list.items[0].affixes, 0);
    rs_tokenize("والمسؤولون", 0, strlen("والمسؤولون"), RS_LANG_FA, &list);
    assert_int_equal(list.items[0].affixes, 0);
    rs_tokens_free(&list);
    rs_tokens_free(&fresh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(detached_persian_affixes_join),
        cmocka_unit_test(persian_ezafe_and_pronouns),
        cmocka_unit_test(arabic_clitics),
        cmocka_unit_test(digits_glued_to_words_split_off),
        cmocka_unit_test(english_possessives_and_plurals),
        cmocka_unit_test(offsets_point_into_the_text),
        cmocka_unit_test(remembered_stems_match_fresh_ones),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
