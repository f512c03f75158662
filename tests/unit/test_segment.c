/* test_segment.c - sentence splitting: where sentences end, and where a
 * full stop does not end one. */
#include "test_util.h"

#include "internal.h"

/* Splits s and checks the sentences against want (NULL-terminated). */
static void expect_sentences(const char *s, const char *const *want)
{
    rs_text t;
    memset(&t, 0, sizeof t);
    t.text = s;
    t.len = strlen(s);
    rs_split_sentences(&t, 0, t.len);
    size_t n = 0;
    while (want[n])
        n++;
    if (t.n_sentences != n) {
        for (size_t i = 0; i < t.n_sentences; i++)
            print_message("got [%.*s]\n", (int)(t.sentences[i].end - t.sentences[i].start), s + t.sentences[i].start);
        fail_msg("%zu sentences, want %zu, in: %s", t.n_sentences, n, s);
    }
    for (size_t i = 0; i < n; i++) {
        const rs_sentence *x = &t.sentences[i];
        if (strlen(want[i]) != x->end - x->start || memcmp(want[i], s + x->start, x->end - x->start) != 0)
            fail_msg("sentence %zu is [%.*s], want [%s]", i + 1, (int)(x->end - x->start), s + x->start, want[i]);
        assert_int_equal(x->number, (int)i + 1);
    }
    free(t.sentences);
}

#define EXPECT(text, ...) expect_sentences(text, (const char *const[]){__VA_ARGS__, NULL})

static void splits_at_marks_and_line_breaks(void **state)
{
    (void)state;
    EXPECT("او آمد. او رفت! آیا برمی‌گردد؟ نه", "او آمد.", "او رفت!", "آیا برمی‌گردد؟", "نه");
    EXPECT("سطر اول\nسطر دوم", "سطر اول", "سطر دوم");
    EXPECT("قال: نعم. ثم غادر", "قال: نعم.", "ثم غادر");
}

static void does_not_split_numbers(void **state)
{
    (void)state;
    EXPECT("Growth was 3.5 percent. It fell.", "Growth was 3.5 percent.", "It fell.");
    EXPECT("رشد ۳.۵ درصد بود. کاهش یافت.", "رشد ۳.۵ درصد بود.", "کاهش یافت.");
    EXPECT("رشد ۳٫۵ درصد بود.", "رشد ۳٫۵ درصد بود.");
}

static void does_not_split_abbreviations_or_initials(void **state)
{
    (void)state;
    EXPECT("The U.S. envoy met Dr. Ahmadi on Aug. 5 in Doha. He left.",
           "The U.S. envoy met Dr. Ahmadi on Aug. 5 in Doha.", "He left.");
    EXPECT("John F. Kennedy spoke. Gen. Miller did too.", "John F. Kennedy spoke.", "Gen. Miller did too.");
    EXPECT("Sanctions were imposed by the U.S. The Taliban objected.",
           "Sanctions were imposed by the U.S.", "The Taliban objected.");
    EXPECT("Visit example.org for more.", "Visit example.org for more.");
}

static void closing_quotes_stay_with_their_sentence(void **state)
{
    (void)state;
    EXPECT("او گفت: «ما آماده‌ایم.» سپس رفت.", "او گفت: «ما آماده‌ایم.»", "سپس رفت.");
    EXPECT("He said \"we are ready.\" Then he left.", "He said \"we are ready.\"", "Then he left.");
    EXPECT("وقال \u201Dنعم.\u201D وانتهى", "وقال \u201Dنعم.\u201D", "وانتهى");
}

static void a_missing_space_before_arabic_script_still_splits(void **state)
{
    (void)state;
    EXPECT("زار كابول.والتقى الوزير.", "زار كابول.", "والتقى الوزير.");
    EXPECT("What?! Really...", "What?!", "Really...");
}

/* Words of a line one byte at a time, as rs_line_words counts them eight
 * at a time where it can. */
static size_t reference_line_words(const char *s, size_t len)
{
    size_t words = 0;
    int in_word = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        int nbsp = c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0;
        if (c == ' ' || c == '\t' || c == '\r' || nbsp) {
            in_word = 0;
            i += (size_t)nbsp;
        } else if (!in_word) {
            in_word = 1;
            words++;
        }
    }
    return words > RS_LINE_WORDS_COUNTED ? RS_LINE_WORDS_COUNTED + 1 : words;
}

static void line_words_agree_with_a_plain_count(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a", "ab", " ", "  ", "\t", "\r", "\xC2\xA0", "\xC2\xAB", "\xD8\xA7",
                                         "\xD9\x84\xD9\x85", "\xA0", "\xC2"};
    char buf[256];
    unsigned seed = 7;
    for (int round = 0; round < 100000; round++) {
        size_t len = 0, target = 1 + round % 200;
        while (len + 4 < target) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
            memcpy(buf + len, p, strlen(p));
            len += strlen(p);
        }
        for (size_t from = 0; from < 3 && from <= len; from++)
            assert_int_equal(rs_line_words(buf + from, len - from), reference_line_words(buf + from, len - from));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(splits_at_marks_and_line_breaks),
        cmocka_unit_test(line_words_agree_with_a_plain_count),
        cmocka_unit_test(does_not_split_numbers),
        cmocka_unit_test(does_not_split_abbreviations_or_initials),
        cmocka_unit_test(closing_quotes_stay_with_their_sentence),
        cmocka_unit_test(a_missing_space_before_arabic_script_still_splits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
