/* test_furniture.c - page furniture dropped, article text, datelines and
 * captions kept. The pages are written for these tests. */
#include "test_util.h"

/* The kept sentences of a page, joined with " | ". Caller frees. */
static char *kept(const char *page)
{
    rs_text *t = rs_text_analyze(page, strlen(page), RS_LANG_UNKNOWN);
    rs_buf out;
    rs_buf_init(&out);
    for (size_t i = 0; i < t->n_sentences; i++) {
        if (t->sentences[i].dropped)
            continue;
        if (out.len)
            rs_buf_puts(&out, " | ");
        rs_buf_append(&out, page + t->sentences[i].start, t->sentences[i].end - t->sentences[i].start);
    }
    rs_text_free(t);
    return rs_buf_detach(&out);
}

static void expect_kept(const char *page, const char *want)
{
    char *got = kept(page);
    if (strcmp(got, want) != 0)
        fail_msg("kept [%s]\nwant [%s]", got, want);
    free(got);
}

static void persian_page(void **state)
{
    (void)state;
    expect_kept("دیدار وزیران خارجه دو کشور در کابل\n"
                "عکس: دیدار دو هیئت در کابل، روز شنبه\n"
                "کابل - وزیر خارجه ازبکستان روز شنبه با همتای خود دیدار کرد.\n"
                "بیشتر بخوانید:\n"
                "سفر هیئت ازبک به مزار شریف\n"
                "نشست اقتصادی در ترمز\n"
                "\n"
                "دو طرف درباره راه آهن گفتگو کردند.\n"
                "انتهای پیام\n"
                "کد خبر: 1403112233\n"
                "خبرنگار : 5521\n"
                "دسته‌بندی: سیاست\n"
                "چاپ | اشتراک‌گذاری | ایمیل\n",
                "دیدار وزیران خارجه دو کشور در کابل | عکس: دیدار دو هیئت در کابل، روز شنبه | "
                "کابل - وزیر خارجه ازبکستان روز شنبه با همتای خود دیدار کرد. | "
                "دو طرف درباره راه آهن گفتگو کردند.");
}

static void arabic_page(void **state)
{
    (void)state;
    expect_kept("طهران (وكالات) - استقبل وزير الخارجية الإيراني نظيره الطاجيكي أمس.\n"
                "وبحث الجانبان التعاون الأمني.\n"
                "اقرأ أيضا\n"
                "إيران وطاجيكستان توقعان اتفاقية\n"
                "\n"
                "مشاركة طباعة\n"
                "الكلمات المفتاحية: إيران، طاجيكستان\n"
                "كاريكاتير\n"
                "\n"
                "إستطلاعات الرأي\n",
                "طهران (وكالات) - استقبل وزير الخارجية الإيراني نظيره الطاجيكي أمس. | "
                "وبحث الجانبان التعاون الأمني.");
}

static void english_page(void **state)
{
    (void)state;
    expect_kept("Taliban and Uzbek officials meet in Termez\n"
                "KABUL (Example Wire) - Officials met on Monday. They discussed trade.\n"
                "Share this article\n"
                "Facebook Twitter WhatsApp\n"
                "Read More\n"
                "This section contains relevant reference points, placed in (Inner related node field)\n"
                "The talks will continue in March.\n"
                "Tags: Afghanistan, Uzbekistan\n"
                "Related stories\n"
                "Uzbekistan opens new trade hub\n"
                "Railway talks stall again\n",
                "Taliban and Uzbek officials meet in Termez | "
                "KABUL (Example Wire) - Officials met on Monday. | They discussed trade. | "
                "The talks will continue in March.");
}

static void trailing_headlines_without_a_lead_in(void **state)
{
    (void)state;
    expect_kept("نشست دو کشور برگزار شد.\n"
                "دو طرف بر همکاری تاکید کردند.\n"
                "سفر رئیس جمهور به دوشنبه لغو شد\n"
                "قیمت نفت در بازارهای جهانی بالا رفت\n"
                "گفتگوی تلفنی وزیران خارجه ایران و پاکستان\n",
                "نشست دو کشور برگزار شد. | دو طرف بر همکاری تاکید کردند.");
    /* One unpunctuated last line is not a list: it may be article text. */
    expect_kept("نشست دو کشور برگزار شد.\nدو طرف بر همکاری تاکید کردند و گفتگوها ادامه دارد\n",
                "نشست دو کشور برگزار شد. | دو طرف بر همکاری تاکید کردند و گفتگوها ادامه دارد");
}

static void menus_of_short_labels(void **state)
{
    (void)state;
    expect_kept("عنوان خبر مهم درباره دیدار دو کشور\n"
                "سیاست\n"
                "اقتصاد\n"
                "ورزش\n"
                "کابل - هیئت ازبک امروز به کابل رسید.\n",
                "عنوان خبر مهم درباره دیدار دو کشور | کابل - هیئت ازبک امروز به کابل رسید.");
}

static void datelines_with_digits_are_kept(void **state)
{
    (void)state;
    expect_kept("أ ف ب\n2024-11-26\nكابول - زار الوزير العاصمة.\n",
                "أ ف ب | 2024-11-26 | كابول - زار الوزير العاصمة.");
}

static void bulleted_metadata(void **state)
{
    (void)state;
    expect_kept("متن خبر اینجاست.\n  • سه‌شنبه/ ۳۰ خرداد ۱۴۰۲ / ۱۲:۲۱\n  • کد خبر: 14020330\n",
                "متن خبر اینجاست.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(persian_page),
        cmocka_unit_test(arabic_page),
        cmocka_unit_test(english_page),
        cmocka_unit_test(trailing_headlines_without_a_lead_in),
        cmocka_unit_test(menus_of_short_labels),
        cmocka_unit_test(datelines_with_digits_are_kept),
        cmocka_unit_test(bulleted_metadata),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
