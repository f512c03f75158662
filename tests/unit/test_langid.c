/* test_langid.c - language identification: fa, ar, en, and Pashto and
 * Urdu kept apart from Persian and Arabic. The sentences are ours. */
#include "test_util.h"

static rs_lang id(const char *s)
{
    return rs_langid(s, strlen(s));
}

static void tells_persian_arabic_english(void **state)
{
    (void)state;
    assert_int_equal(id("وزیر امور خارجه ایران روز دوشنبه با همتای ترکمن خود در تهران دیدار کرد و "
                        "دو طرف بر گسترش همکاری های اقتصادی تاکید کردند."), RS_LANG_FA);
    assert_int_equal(id("التقى وزير الخارجية الإيراني نظيره التركماني في طهران يوم الإثنين، وأكد "
                        "الجانبان على توسيع التعاون الاقتصادي بين البلدين."), RS_LANG_AR);
    assert_int_equal(id("Iran's foreign minister met his Turkmen counterpart in Tehran on Monday, "
                        "and the two sides said they would expand trade."), RS_LANG_EN);
}

static void persian_typed_with_arabic_letters_is_persian(void **state)
{
    (void)state;
    /* Many Iranian sites type ي and ك: function words still decide. */
    assert_int_equal(id("سفير چين در کابل گفت که اين کشور به همکاري با افغانستان ادامه مي دهد و "
                        "از طرح هاي اقتصادي حمايت مي کند."), RS_LANG_FA);
}

static void pashto_and_urdu_are_their_own(void **state)
{
    (void)state;
    assert_int_equal(id("د افغانستان د بهرنیو چارو وزیر په کابل کې د ازبکستان له سفیر سره وکتل او "
                        "دواړو خواوو د سوداګرۍ پر پراختیا خبرې وکړې."), RS_LANG_PS);
    assert_int_equal(id("پاکستان کے وزیر خارجہ نے کابل میں افغان حکام سے ملاقات کی اور دونوں ممالک "
                        "کے درمیان تجارت پر بات چیت ہوئی۔"), RS_LANG_UR);
}

static void a_mixed_document_takes_the_dominant_language(void **state)
{
    (void)state;
    assert_int_equal(id("زار وزير الخارجية الباكستاني كابول أمس والتقى مسؤولين في الحكومة، وبحث الجانبان "
                        "التعاون الأمني والتجاري وقضايا اللاجئين على الحدود المشتركة بين البلدين.\n"
                        "Read More\nبیشتر بخوانید"), RS_LANG_AR);
    assert_int_equal(id("The Taliban said on Tuesday that talks with Pakistan would continue. "
                        "(طالبان)"), RS_LANG_EN);
}

static void no_letters_is_undetermined(void **state)
{
    (void)state;
    assert_int_equal(id("2024-11-26 12:30 ۱۴۰۳"), RS_LANG_UNKNOWN);
    assert_int_equal(id(""), RS_LANG_UNKNOWN);
}

static void codes_round_trip(void **state)
{
    (void)state;
    static const char *const codes[] = {"fa", "ar", "en", "ps", "ur"};
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(rs_lang_code(rs_lang_from_code(codes[i])), codes[i]);
    assert_int_equal(rs_lang_from_code("de"), RS_LANG_UNKNOWN);
    assert_int_equal(rs_lang_from_code(NULL), RS_LANG_UNKNOWN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tells_persian_arabic_english),
        cmocka_unit_test(persian_typed_with_arabic_letters_is_persian),
        cmocka_unit_test(pashto_and_urdu_are_their_own),
        cmocka_unit_test(a_mixed_document_takes_the_dominant_language),
        cmocka_unit_test(no_letters_is_undetermined),
        cmocka_unit_test(codes_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
