/* test_dates.c - the date finder: every example of issue 3, the seed
 * articles' dates, the دوشنبه / Monday ambiguity, weekday checks, and bad
 * input. Each case names the expression it expects to overlap. */
#include "test_util.h"

typedef struct rs_case {
    const char *lang, *pub, *text;
    const char *surface; /* the mention must overlap this part of text */
    const char *value;   /* its value; NULL: no mention may overlap */
} rs_case;

static const rs_case rs_issue_cases[] = {
    /* seed articles */
    {"fa", "2023-12-29", "دفتر رسانه‌ها روز جمعه ۸ دی (۲۹ دسامبر) خبر داد", "۸ دی", "2023-12-29"},
    {"fa", "2023-12-29", "دفتر رسانه‌ها ۸ دی (۲۹ دسامبر) خبر داد", "۸ دی", "2023-12-29"},
    {"fa", "2023-12-29", "آذربایجان نخستین بار در دی ۱۳۹۹ سفارتش را فعال کرد", "دی ۱۳۹۹", "2020-12-21/2021-01-19"},
    {"fa", "2023-12-29", "در شهریور امسال نیز تنش آغاز شد", "شهریور امسال", "2023-08-23/2023-09-22"},
    {"fa", "2023-01-12", "کابلوف روز پنجشنبه ۲۲ دی (۱۲ ژانویه)، با متقی دیدار کرد", "۲۲ دی", "2023-01-12"},
    {"fa", "2025-10-23", "خبرنامه‌ای که امروز (پنجشنبه، ۱ آبان) منتشر شد", "پنجشنبه، ۱ آبان", "2025-10-23"},
    {"ar", "2024-11-26", "زار شويغو الإثنين 25نوقمبر2024، مسؤولين", "الإثنين 25نوقمبر2024", "2024-11-25"},
    {"ar", "2024-11-26", "وفي آذار/مارس، قُتل أكثر من 140 شخصا", "آذار/مارس", "2024-03"},
    {"fa", "2023-06-20", "فردی مسلح در زمستان سال گذشته به سفارت حمله کرد", "زمستان سال گذشته", "2022-12-22/2023-03-20"},
    {"fa", "2023-12-29", "در ژوییه ۲۰۲۱ ممدوف منصوب شد", "ژوییه ۲۰۲۱", "2021-07"},
    {"fa", "2023-12-29", "حمدالله محب در سال ۱۳۹۹ به باکو سفر کرد", "سال ۱۳۹۹", "2020-03-20/2021-03-20"},
    {"fa", "2023-12-29", "در سال ۱۹۹۴ حزب اسلامی نیرو فرستاد", "۱۹۹۴", "1994"},
    {"fa", "2023-01-12", "حادثه روز گذشته در نزدیکی وزارت خارجه", "روز گذشته", "2023-01-11"},
    {"fa", "2023-01-12", "حمله دیروز مقابل ورودی وزارتخانه", "دیروز", "2023-01-11"},
    {"fa", "2023-01-12", "با سرنگونی حکومت در ۱۵ اوت ۲۰۲۱ و ممنوعیت", "۱۵ اوت ۲۰۲۱", "2021-08-15"},
    {"ar", "2024-11-26", "اللقاء في كابول في 25 تشرين الثاني/نوفمبر 2024 (أ ف ب)", "25 تشرين", "2024-11-25"},
    {"ar", "2024-11-26", "وقال السفير في تموز/يوليو إن طالبان حلفاؤنا", "تموز/يوليو", "2024-07"},
    {"fa", "2023-06-20", "  • سه‌شنبه/ ۳۰ خرداد ۱۴۰۲ / ۱۲:۲۱", "۳۰ خرداد ۱۴۰۲", "2023-06-20"},
    /* calendars and month names */
    {"fa", "2024-05-01", "در ۱۵ حمل ۱۴۰۳ جلسه برگزار شد", "۱۵ حمل ۱۴۰۳", "2024-04-03"},
    {"fa", "2024-05-01", "طالبان در ۲۴ اسد ۱۴۰۰ وارد کابل شدند", "۲۴ اسد ۱۴۰۰", "2021-08-15"},
    {"fa", "2024-05-01", "این نشست ۱۰ جدی ۱۴۰۲ برگزار شد", "۱۰ جدی ۱۴۰۲", "2023-12-31"},
    {"fa", "2024-05-01", "در ۵ جنوری ۲۰۲۴ اعلام شد", "۵ جنوری ۲۰۲۴", "2024-01-05"},
    {"fa", "2024-05-01", "در ۳ فبروری ۲۰۲۴ اعلام شد", "۳ فبروری", "2024-02-03"},
    {"fa", "2024-05-01", "در ۱۰ جولای ۲۰۲۳ اعلام شد", "۱۰ جولای", "2023-07-10"},
    {"fa", "2024-05-01", "در ۲ آگست ۲۰۲۳ اعلام شد", "۲ آگست", "2023-08-02"},
    {"fa", "2024-05-01", "در ۱۲ می ۲۰۲۳ اعلام شد", "۱۲ می", "2023-05-12"},
    {"fa", "2024-05-01", "او گفت که این کار را می کند", "می", NULL},
    {"ar", "2024-05-01", "في 3 كانون الثاني 2024 أعلنت", "3 كانون الثاني 2024", "2024-01-03"},
    {"ar", "2024-05-01", "في 7 جانفي 2024 أعلنت", "7 جانفي 2024", "2024-01-07"},
    {"ar", "2024-05-01", "في 20 فيفري 2023 أعلنت", "20 فيفري 2023", "2023-02-20"},
    {"ar", "2024-05-01", "في 15 رمضان 1445 هـ وقع", "15 رمضان 1445", "2024-03-25"},
    {"ar", "2024-05-01", "في 1 شوال 1444 احتفل", "1 شوال 1444", "2023-04-21"},
    {"en", "2024-05-01", "On Aug. 5, 2023 the talks began", "Aug. 5, 2023", "2023-08-05"},
    {"en", "2024-05-01", "By Sept. 12 2023 the border was closed", "Sept. 12 2023", "2023-09-12"},
    {"en", "2024-05-01", "The deal was signed on 4 March 2022.", "4 March 2022", "2022-03-04"},
    /* numeric dates */
    {"ar", "2024-11-26", "أ ف ب 2024-11-26", "2024-11-26", "2024-11-26"},
    {"ar", "2024-11-26", "صدر القرار في 22/5/2018 عن المحكمة", "22/5/2018", "2018-05-22"},
    {"fa", "2024-11-26", "بخشنامه ۱۴۰۲/۰۳/۳۰ ابلاغ شد", "۱۴۰۲/۰۳/۳۰", "2023-06-20"},
    {"fa", "2024-11-26", "در ۱۲ اسفند ۹۷ اعلام شد", "۱۲ اسفند ۹۷", "2019-03-03"},
    {"fa", "2024-11-26", "کد خبر: 1402033019738", "1402033019738", NULL},
    /* relative */
    {"fa", "2024-11-26", "وزیر امروز گفت", "امروز", "2024-11-26"},
    {"fa", "2024-11-26", "وزیر فردا سفر خواهد کرد", "فردا", "2024-11-27"},
    {"ar", "2024-11-26", "وقال الوزير أمس إن", "أمس", "2024-11-25"},
    {"ar", "2024-11-26", "وقال الوزير اليوم إن", "اليوم", "2024-11-26"},
    {"ar", "2024-11-26", "سيصل الوفد غدا إلى", "غدا", "2024-11-27"},
    {"en", "2024-11-26", "He said yesterday that", "yesterday", "2024-11-25"},
    {"en", "2024-11-26", "They met on Thursday in Doha", "Thursday", "2024-11-21"},
    {"en", "2024-11-26", "They will meet on Thursday in Doha", "Thursday", "2024-11-28"},
    {"ar", "2024-11-26", "وعقد الاجتماع يوم السبت في الدوحة", "السبت", "2024-11-23"},
    {"fa", "2024-11-26", "وزیر روز دوشنبه گفت", "دوشنبه", "2024-11-25"},
    {"fa", "2024-11-26", "هفته گذشته توافق شد", "هفته گذشته", "2024-11-16/2024-11-22"},
    {"en", "2024-11-26", "Prices rose last month", "last month", "2024-10"},
    {"ar", "2024-11-26", "ارتفعت الأسعار الشهر الماضي", "الشهر الماضي", "2024-10"},
    {"ar", "2024-11-26", "تجري الانتخابات العام المقبل", "العام المقبل", "2025"},
    {"en", "2024-11-26", "Elections are due next year", "next year", "2025"},
    {"fa", "2024-11-26", "امسال انتخابات برگزار شد", "امسال", "2024-03-20/2025-03-20"},
    {"ar", "2024-11-26", "في 20 نوفمبر الجاري", "20 نوفمبر الجاري", "2024-11-20"},
    {"ar", "2024-11-26", "منذ آذار الماضي", "آذار الماضي", "2024-03"},
    {"en", "2024-11-26", "The war began in March", "March", "2024-03"},
    {"en", "2024-02-10", "The war began in March", "March", "2023-03"},
    {"en", "2024-02-10", "The summit will be held in March", "March", "2024-03"},
    {"ar", "2024-11-26", "قتل ثلاثة قبل يومين", "قبل يومين", "2024-11-24"},
    {"fa", "2024-11-26", "سه روز پیش حمله شد", "سه روز پیش", "2024-11-23"},
    /* ranges */
    {"fa", "2024-05-01", "نمایشگاه از ۱۱ تا ۱۳ مارچ برگزار شد", "۱۱ تا ۱۳ مارچ", "2024-03-11/2024-03-13"},
    {"en", "2024-11-26", "The fair ran 9 to 16 October", "9 to 16 October", "2024-10-09/2024-10-16"},
    {"fa", "2024-11-26", "از ۱۷ تا ۲۴ مهر برگزار شد", "۱۷ تا ۲۴ مهر", "2024-10-08/2024-10-15"},
    {"en", "2024-11-26", "The talks ran from October 9 to 16, 2023", "October 9", "2023-10-09/2023-10-16"},
    /* consistency */
    {"en", "2024-11-26", "On Friday, 22 November 2024, they met", "22 November", "2024-11-22"},
    {"fa", "2024-11-26", "روز جمعه ۱ آذر گفت", "۱ آذر", "2024-11-21"},
    /* دوشنبه, the city */
    {"fa", "2025-10-23", "نشست مشترک در شهر دوشنبه برگزار شد", "دوشنبه", NULL},
    {"fa", "2025-10-23", "هیأت طالبان به دوشنبه سفر کرد", "دوشنبه", NULL},
    {"fa", "2025-10-23", "گسترش روابط میان کابل و دوشنبه", "دوشنبه", NULL},
    {"fa", "2025-10-23", "تغییر در سیاست دوشنبه پدیدار شد", "دوشنبه", NULL},
    {"fa", "2025-10-23", "نشست اخیر در دوشنبه را می‌توان", "دوشنبه", NULL},
};

/* The mention of found that overlaps surface in text, or NULL. */
static const rs_date_mention *rs_overlapping(const rs_dates *found, const char *text, const char *surface)
{
    const char *at = strstr(text, surface);
    assert_non_null(at);
    size_t a = (size_t)(at - text), b = a + strlen(surface);
    for (size_t i = 0; i < found->n; i++)
        if (found->items[i].start < b && a < found->items[i].end)
            return &found->items[i];
    return NULL;
}

static void resolves_every_case(void **state)
{
    (void)state;
    rs_dates found;
    rs_dates_init(&found);
    int bad = 0;
    for (size_t i = 0; i < sizeof rs_issue_cases / sizeof rs_issue_cases[0]; i++) {
        const rs_case *c = &rs_issue_cases[i];
        rs_dates_find(c->text, 0, strlen(c->text), c->pub, rs_lang_from_code(c->lang), &found);
        const rs_date_mention *m = rs_overlapping(&found, c->text, c->surface);
        const char *got = m ? m->value : NULL;
        if (c->value ? (!got || strcmp(got, c->value) != 0) : got != NULL) {
            print_error("case %zu \"%s\": want %s, got %s\n", i, c->text, c->value ? c->value : "nothing",
                        got ? got : "nothing");
            bad++;
        }
    }
    rs_dates_free(&found);
    assert_int_equal(bad, 0);
}

static const rs_date_mention *rs_one(rs_dates *found, const char *text, const char *pub, rs_lang lang)
{
    rs_dates_find(text, 0, strlen(text), pub, lang, found);
    assert_int_equal(found->n, 1);
    return &found->items[0];
}

static void equivalent_in_parentheses_is_one_mention(void **state)
{
    (void)state;
    rs_dates found;
    rs_dates_init(&found);
    const char *text = "روز جمعه ۸ دی (۲۹ دسامبر) خبر داد";
    const rs_date_mention *m = rs_one(&found, text, "2023-12-29", RS_LANG_FA);
    assert_string_equal(m->value, "2023-12-29");
    assert_int_equal(m->precision, RS_DATE_DAY);
    assert_int_equal(m->start, 0);
    assert_int_equal(m->end, strstr(text, ")") + 1 - text);
    rs_dates_free(&found);
}

static void weekday_conflict_lowers_confidence(void **state)
{
    (void)state;
    rs_dates found;
    rs_dates_init(&found);
    const rs_date_mention *m = rs_one(&found, "On Monday, 22 November 2024, they met", "2024-11-26", RS_LANG_EN);
    assert_string_equal(m->value, "2024-11-22");
    assert_true(m->confidence <= 0.3f);
    m = rs_one(&found, "On Friday, 22 November 2024, they met", "2024-11-26", RS_LANG_EN);
    assert_true(m->confidence >= 0.95f);
    rs_dates_free(&found);
}

static void weekday_picks_the_year(void **state)
{
    (void)state;
    rs_dates found;
    rs_dates_init(&found);
    /* 12 January was a Thursday in 2023, not in 2024 or 2022 */
    const rs_date_mention *m = rs_one(&found, "Thursday 12 January", "2024-02-01", RS_LANG_EN);
    assert_string_equal(m->value, "2023-01-12");
    rs_dates_free(&found);
}

static void offsets_are_bytes_of_the_original(void **state)
{
    (void)state;
    rs_dates found;
    rs_dates_init(&found);
    const char *text = "xx \xd9\x87\xd9\x80\xd9\x80 الإثنين 25نوقمبر2024، مسؤولين";
    size_t start = 3;
    rs_dates_find(text, start, strlen(text), "2024-11-26", RS_LANG_AR, &found);
    assert_int_equal(found.n, 1);
    const char *at = strstr(text, "الإثنين");
    assert_int_equal(found.items[0].start, at - text);
    assert_int_equal(found.items[0].end, strstr(text, "2024") + 4 - text);
    rs_dates_free(&found);
}

static void needs_a_publication_date_for_relative(void **state)
{
    (void)state;
    rs_dates found;
    rs_dates_init(&found);
    const char *text = "دیروز و در ۱۵ اوت ۲۰۲۱";
    rs_dates_find(text, 0, strlen(text), NULL, RS_LANG_FA, &found);
    assert_int_equal(found.n, 1);
    assert_string_equal(found.items[0].value, "2021-08-15");
    rs_dates_find(text, 0, strlen(text), "not-a-date", RS_LANG_FA, &found);
    assert_int_equal(found.n, 1);
    rs_dates_free(&found);
}

static void context_follows_day_mentions(void **state)
{
    (void)state;
    rs_date_context ctx;
    rs_date_context_init(&ctx, "2023-12-29");
    assert_string_equal(ctx.current.value, "2023-12-29");
    assert_int_equal(ctx.from_text, 0);
    rs_dates found;
    rs_dates_init(&found);
    const char *t1 = "در سال ۱۹۹۴ نیرو فرستاد";
    rs_dates_find(t1, 0, strlen(t1), "2023-12-29", RS_LANG_FA, &found);
    rs_date_context_update(&ctx, &found);
    assert_int_equal(ctx.from_text, 0);
    const char *t2 = "روز جمعه ۸ دی (۲۹ دسامبر) خبر داد";
    rs_dates_find(t2, 0, strlen(t2), "2023-12-29", RS_LANG_FA, &found);
    rs_date_context_update(&ctx, &found);
    assert_int_equal(ctx.from_text, 1);
    assert_string_equal(ctx.current.value, "2023-12-29");
    rs_date_context_init(&ctx, NULL);
    assert_int_equal(ctx.current.precision, RS_DATE_NONE);
    rs_dates_free(&found);
}

static void bad_input_does_not_crash(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "", "\xff\xfe\xd9", "31/02/2024", "2024-13-45", "30 اسفند 1402", "99/99/9999", "0000-00-00",
        "۱۴۰۲/۱۲/۳۰", "9999999999 March", "از تا", "- - -", "(", "((((", "سال 0000", "March 0",
        "between and", "30 February 2023", "0 دی", "منذ", "قبل يومين قبل",
    };
    rs_dates found;
    rs_dates_init(&found);
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        size_t len = strlen(inputs[i]);
        rs_dates_find(inputs[i], 0, len, "2024-11-26", RS_LANG_UNKNOWN, &found);
        for (size_t k = 0; k < found.n; k++)
            assert_true(found.items[k].start < found.items[k].end && found.items[k].end <= len);
    }
    rs_dates_find("abc", 2, 1, "2024-11-26", RS_LANG_EN, &found);
    assert_int_equal(found.n, 0);
    rs_dates_free(&found);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(resolves_every_case),
        cmocka_unit_test(equivalent_in_parentheses_is_one_mention),
        cmocka_unit_test(weekday_conflict_lowers_confidence),
        cmocka_unit_test(weekday_picks_the_year),
        cmocka_unit_test(offsets_are_bytes_of_the_original),
        cmocka_unit_test(needs_a_publication_date_for_relative),
        cmocka_unit_test(context_follows_day_mentions),
        cmocka_unit_test(bad_input_does_not_crash),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    rs_cal_cleanup();
    return rc;
}
