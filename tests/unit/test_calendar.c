/* test_calendar.c - the ICU glue of calendar.c: every day of Solar Hijri
 * 1300-1500 against ICU read directly, known anchors, and bad fields. */
#include "test_util.h"

#include <unicode/ucal.h>

/* ICU's own Solar Hijri fields for a day, read without calendar.c. */
static void rs_icu_persian(UCalendar *c, int32_t day, int *y, int *m, int *d)
{
    UErrorCode err = U_ZERO_ERROR;
    ucal_setMillis(c, (double)day * 86400000.0, &err);
    *y = ucal_get(c, UCAL_YEAR, &err);
    *m = ucal_get(c, UCAL_MONTH, &err) + 1;
    *d = ucal_get(c, UCAL_DATE, &err);
    assert_true(U_SUCCESS(err));
}

static void every_solar_hijri_day_round_trips(void **state)
{
    (void)state;
    static const UChar utc[] = {'U', 'T', 'C', 0};
    UErrorCode err = U_ZERO_ERROR;
    UCalendar *icu = ucal_open(utc, 3, "en@calendar=persian", UCAL_DEFAULT, &err);
    assert_true(U_SUCCESS(err));
    int32_t first, last;
    assert_int_equal(rs_cal_to_days(RS_CAL_PERSIAN, 1300, 1, 1, &first), 0);
    assert_int_equal(rs_cal_to_days(RS_CAL_PERSIAN, 1500, 12, rs_cal_month_length(RS_CAL_PERSIAN, 1500, 12), &last), 0);
    assert_true(last - first > 200 * 365);
    for (int32_t day = first; day <= last; day++) {
        int y, m, d, iy, im, id;
        int32_t back;
        assert_int_equal(rs_cal_from_days(RS_CAL_PERSIAN, day, &y, &m, &d), 0);
        rs_icu_persian(icu, day, &iy, &im, &id);
        if (y != iy || m != im || d != id)
            fail_msg("day %d: glue %d-%d-%d, ICU %d-%d-%d", day, y, m, d, iy, im, id);
        assert_int_equal(rs_cal_to_days(RS_CAL_PERSIAN, y, m, d, &back), 0);
        assert_int_equal(back, day);
    }
    ucal_close(icu);
}

static void anchors(void **state)
{
    (void)state;
    int y, m, d;
    assert_int_equal(rs_cal_to_gregorian(RS_CAL_PERSIAN, 1402, 1, 1, &y, &m, &d), 0);
    assert_int_equal(y * 10000 + m * 100 + d, 20230321);
    assert_int_equal(rs_cal_to_gregorian(RS_CAL_PERSIAN, 1399, 10, 1, &y, &m, &d), 0);
    assert_int_equal(y * 10000 + m * 100 + d, 20201221);
    int32_t shawwal, want;
    assert_int_equal(rs_cal_to_days(RS_CAL_GREGORIAN, 2023, 4, 21, &want), 0);
    assert_int_equal(rs_cal_to_days(RS_CAL_ISLAMIC_UMALQURA, 1444, 10, 1, &shawwal), 0);
    assert_true(abs(shawwal - want) <= 1);
    assert_int_equal(rs_cal_to_days(RS_CAL_ISLAMIC_CIVIL, 1444, 10, 1, &shawwal), 0);
    assert_true(abs(shawwal - want) <= 1);
    assert_int_equal(rs_cal_from_gregorian(RS_CAL_PERSIAN, 2023, 6, 20, &y, &m, &d), 0);
    assert_int_equal(y * 10000 + m * 100 + d, 14020330);
    assert_int_equal(rs_cal_from_gregorian(RS_CAL_GREGORIAN, 2024, 2, 29, &y, &m, &d), 0);
    assert_int_equal(y * 10000 + m * 100 + d, 20240229);
}

static void days_and_weekdays(void **state)
{
    (void)state;
    int32_t day;
    char out[11];
    assert_int_equal(rs_days_parse("1970-01-01", &day), 0);
    assert_int_equal(day, 0);
    assert_int_equal(rs_days_weekday(0), 4);
    assert_int_equal(rs_days_parse("2023-12-29", &day), 0);
    assert_int_equal(rs_days_weekday(day), 5);
    assert_int_equal(rs_days_format(day, out), 0);
    assert_string_equal(out, "2023-12-29");
    assert_int_equal(rs_days_weekday(-1), 3);
    assert_int_equal(rs_days_parse("2023-02-29", &day), -1);
    assert_int_equal(rs_days_parse("2023/02/28", &day), -1);
    assert_int_equal(rs_days_parse("", &day), -1);
}

static void rejects_impossible_fields(void **state)
{
    (void)state;
    int32_t day;
    assert_int_equal(rs_cal_to_days(RS_CAL_PERSIAN, 1402, 12, 30, &day), -1); /* common year */
    assert_int_equal(rs_cal_to_days(RS_CAL_PERSIAN, 1403, 12, 30, &day), 0);
    assert_int_equal(rs_cal_to_days(RS_CAL_GREGORIAN, 2024, 4, 31, &day), -1);
    assert_int_equal(rs_cal_to_days(RS_CAL_GREGORIAN, 2024, 13, 1, &day), -1);
    assert_int_equal(rs_cal_to_days(RS_CAL_GREGORIAN, 0, 1, 1, &day), -1);
    assert_int_equal(rs_cal_to_days(RS_CAL_GREGORIAN, 10000, 1, 1, &day), -1);
    assert_int_equal(rs_cal_to_days((rs_calendar)99, 2024, 1, 1, &day), -1);
    assert_int_equal(rs_cal_month_length(RS_CAL_PERSIAN, 1402, 1), 31);
    assert_int_equal(rs_cal_month_length(RS_CAL_PERSIAN, 1402, 7), 30);
    assert_int_equal(rs_cal_month_length(RS_CAL_GREGORIAN, 2024, 2), 29);
    assert_int_equal(rs_cal_month_length(RS_CAL_GREGORIAN, 2024, 0), 0);
    assert_string_equal(rs_calendar_name(RS_CAL_ISLAMIC_UMALQURA), "islamic-umalqura");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_solar_hijri_day_round_trips),
        cmocka_unit_test(anchors),
        cmocka_unit_test(days_and_weekdays),
        cmocka_unit_test(rejects_impossible_fields),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    rs_cal_cleanup();
    return rc;
}
