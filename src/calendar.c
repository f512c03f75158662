/*
 * calendar.c - the glue between rasad's day numbers and ICU's calendars.
 *
 * rasad counts days from 1970-01-01 (day 0) and converts to and from the
 * Gregorian, Solar Hijri (ICU "persian") and Hijri lunar ("islamic-umalqura",
 * "islamic-civil") calendars with ICU's ucal. No calendar arithmetic is done
 * here: a date goes in as fields and comes out as UTC milliseconds, or the
 * other way round, and ICU does the rest.
 *
 * Opening a UCalendar costs far more than using one, and the date finder
 * converts a few dates per mention, so each thread keeps one open calendar
 * of each kind. ICU calendars are not safe to share between threads, hence
 * thread-local storage rather than a global. Even a used calendar costs
 * microseconds a conversion, and the same few dates (publication dates,
 * this month's days) come up again and again, so each thread also keeps
 * the answers of recent conversions.
 */
#include "rasad.h"

#include <unicode/ucal.h>

#define RS_MS_PER_DAY 86400000.0

static const char *const rs_cal_locales[] = {
    [RS_CAL_GREGORIAN] = "en@calendar=gregorian",
    [RS_CAL_PERSIAN] = "en@calendar=persian",
    [RS_CAL_ISLAMIC_UMALQURA] = "en@calendar=islamic-umalqura",
    [RS_CAL_ISLAMIC_CIVIL] = "en@calendar=islamic-civil",
};

static const char *const rs_cal_names[] = {
    [RS_CAL_GREGORIAN] = "gregorian",
    [RS_CAL_PERSIAN] = "persian",
    [RS_CAL_ISLAMIC_UMALQURA] = "islamic-umalqura",
    [RS_CAL_ISLAMIC_CIVIL] = "islamic-civil",
};

#define RS_N_CALENDARS (sizeof rs_cal_locales / sizeof rs_cal_locales[0])

static _Thread_local UCalendar *rs_cal_cache[RS_N_CALENDARS];

const char *rs_calendar_name(rs_calendar cal)
{
    return (unsigned)cal < RS_N_CALENDARS ? rs_cal_names[cal] : "unknown";
}

/* This thread's calendar of a kind, opened on first use; NULL if ICU fails. */
static UCalendar *rs_cal_get(rs_calendar cal)
{
    if ((unsigned)cal >= RS_N_CALENDARS)
        return NULL;
    if (rs_cal_cache[cal])
        return rs_cal_cache[cal];
    static const UChar utc[] = {'U', 'T', 'C', 0};
    UErrorCode err = U_ZERO_ERROR;
    UCalendar *c = ucal_open(utc, 3, rs_cal_locales[cal], UCAL_DEFAULT, &err);
    if (U_FAILURE(err))
        return NULL;
    /* Proleptic Gregorian: news dates are modern, but a fuzzer's are not, and
     * a switch to the Julian calendar in 1582 would surprise every caller. */
    if (cal == RS_CAL_GREGORIAN)
        ucal_setGregorianChange(c, -8.64e15, &err);
    ucal_setAttribute(c, UCAL_LENIENT, 0);
    rs_cal_cache[cal] = c;
    return c;
}

void rs_cal_cleanup(void)
{
    for (size_t i = 0; i < RS_N_CALENDARS; i++) {
        if (rs_cal_cache[i])
            ucal_close(rs_cal_cache[i]);
        rs_cal_cache[i] = NULL;
    }
}

/* ICU's own range is far wider; this keeps every day number an int32 and
 * every year four digits, which the value strings rely on. */
static int rs_year_in_range(int y)
{
    return y >= 1 && y <= 9999;
}

/* Recent conversions, direct-mapped by a hash of the question. */
#define RS_MEMO_SLOTS 1024
typedef struct rs_memo {
    uint8_t used, cal, ok;
    int y, m, d;
    int32_t days;
} rs_memo;
static _Thread_local rs_memo rs_to_memo[RS_MEMO_SLOTS], rs_from_memo[RS_MEMO_SLOTS];
/* Month lengths, the length kept in days: every date read as a span asks
 * for one, and ICU takes thousands of instructions to answer. */
static _Thread_local rs_memo rs_length_memo[RS_MEMO_SLOTS];

static rs_memo *rs_memo_slot(rs_memo *table, uint64_t key)
{
    key *= 0x9E3779B97F4A7C15ULL;
    return &table[(key >> 40) & (RS_MEMO_SLOTS - 1)];
}

static int rs_cal_to_days_icu(rs_calendar cal, int y, int m, int d, int32_t *days);

int rs_cal_to_days(rs_calendar cal, int y, int m, int d, int32_t *days)
{
    if ((unsigned)cal >= RS_N_CALENDARS || !rs_year_in_range(y) || m < 1 || m > 13 || d < 1 || d > 31)
        return -1;
    rs_memo *e = rs_memo_slot(rs_to_memo, (uint64_t)cal << 24 ^ (uint64_t)y << 9 ^ (uint64_t)m << 5 ^ (uint64_t)d);
    if (!e->used || e->cal != cal || e->y != y || e->m != m || e->d != d) {
        int32_t n = 0;
        int ok = rs_cal_to_days_icu(cal, y, m, d, &n) == 0;
        *e = (rs_memo){1, (uint8_t)cal, (uint8_t)ok, y, m, d, n};
    }
    if (!e->ok)
        return -1;
    *days = e->days;
    return 0;
}

static int rs_cal_to_days_icu(rs_calendar cal, int y, int m, int d, int32_t *days)
{
    UCalendar *c = rs_cal_get(cal);
    if (!c || !rs_year_in_range(y) || m < 1 || m > 13 || d < 1 || d > 31)
        return -1;
    UErrorCode err = U_ZERO_ERROR;
    ucal_clear(c);
    ucal_setDate(c, y, m - 1, d, &err);
    UDate ms = ucal_getMillis(c, &err);
    if (U_FAILURE(err))
        return -1;
    double day = ms / RS_MS_PER_DAY;
    int32_t n = (int32_t)(day < 0 ? day - 0.5 : day + 0.5);
    /* Non-lenient ICU rejects most bad fields; reading back catches the
     * rest (and a 13th month, which only some calendars have). */
    int yy, mm, dd;
    if (rs_cal_from_days(cal, n, &yy, &mm, &dd) != 0 || yy != y || mm != m || dd != d)
        return -1;
    *days = n;
    return 0;
}

static int rs_cal_from_days_icu(rs_calendar cal, int32_t days, int *y, int *m, int *d);

int rs_cal_from_days(rs_calendar cal, int32_t days, int *y, int *m, int *d)
{
    if ((unsigned)cal >= RS_N_CALENDARS)
        return -1;
    rs_memo *e = rs_memo_slot(rs_from_memo, (uint64_t)cal << 32 ^ (uint32_t)days);
    if (!e->used || e->cal != cal || e->days != days) {
        int yy = 0, mm = 0, dd = 0;
        int ok = rs_cal_from_days_icu(cal, days, &yy, &mm, &dd) == 0;
        *e = (rs_memo){1, (uint8_t)cal, (uint8_t)ok, yy, mm, dd, days};
    }
    if (!e->ok)
        return -1;
    *y = e->y;
    *m = e->m;
    *d = e->d;
    return 0;
}

static int rs_cal_from_days_icu(rs_calendar cal, int32_t days, int *y, int *m, int *d)
{
    UCalendar *c = rs_cal_get(cal);
    if (!c || days < -700000 || days > 2900000)
        return -1;
    UErrorCode err = U_ZERO_ERROR;
    ucal_clear(c);
    ucal_setMillis(c, days * RS_MS_PER_DAY, &err);
    int32_t era = ucal_get(c, UCAL_ERA, &err);
    *y = ucal_get(c, UCAL_YEAR, &err);
    *m = ucal_get(c, UCAL_MONTH, &err) + 1;
    *d = ucal_get(c, UCAL_DATE, &err);
    if (U_FAILURE(err) || (cal == RS_CAL_GREGORIAN && era != 1))
        return -1;
    return 0;
}

int rs_cal_to_gregorian(rs_calendar cal, int y, int m, int d, int *gy, int *gm, int *gd)
{
    int32_t n;
    if (rs_cal_to_days(cal, y, m, d, &n) != 0)
        return -1;
    return rs_cal_from_days(RS_CAL_GREGORIAN, n, gy, gm, gd);
}

int rs_cal_from_gregorian(rs_calendar cal, int gy, int gm, int gd, int *y, int *m, int *d)
{
    int32_t n;
    if (rs_cal_to_days(RS_CAL_GREGORIAN, gy, gm, gd, &n) != 0)
        return -1;
    return rs_cal_from_days(cal, n, y, m, d);
}

static int rs_cal_month_length_icu(rs_calendar cal, int y, int m);

int rs_cal_month_length(rs_calendar cal, int y, int m)
{
    if ((unsigned)cal >= RS_N_CALENDARS)
        return rs_cal_month_length_icu(cal, y, m);
    rs_memo *e = rs_memo_slot(rs_length_memo, (uint64_t)cal << 24 ^ (uint64_t)(uint32_t)y << 5 ^ (uint64_t)(uint32_t)m);
    if (!e->used || e->cal != cal || e->y != y || e->m != m)
        *e = (rs_memo){1, (uint8_t)cal, 1, y, m, 0, rs_cal_month_length_icu(cal, y, m)};
    return (int)e->days;
}

static int rs_cal_month_length_icu(rs_calendar cal, int y, int m)
{
    int32_t first;
    if (rs_cal_to_days(cal, y, m, 1, &first) != 0)
        return 0;
    UCalendar *c = rs_cal_get(cal);
    UErrorCode err = U_ZERO_ERROR;
    ucal_clear(c);
    ucal_setMillis(c, first * RS_MS_PER_DAY, &err);
    int32_t n = ucal_getLimit(c, UCAL_DATE, UCAL_ACTUAL_MAXIMUM, &err);
    return U_FAILURE(err) ? 0 : (int)n;
}


int rs_days_weekday(int32_t days)
{
    /* Day 0, 1970-01-01, was a Thursday (ISO 4). */
    int r = (int)(((int64_t)days + 3) % 7);
    return (r < 0 ? r + 7 : r) + 1;
}

int rs_days_parse(const char *s, int32_t *days)
{
    int v[3] = {0, 0, 0};
    static const int width[3] = {4, 2, 2};
    for (int f = 0, i = 0; f < 3; f++) {
        for (int k = 0; k < width[f]; k++, i++) {
            if (s[i] < '0' || s[i] > '9')
                return -1;
            v[f] = v[f] * 10 + (s[i] - '0');
        }
        if (f < 2 && s[i++] != '-')
            return -1;
    }
    return rs_cal_to_days(RS_CAL_GREGORIAN, v[0], v[1], v[2], days);
}

int rs_days_format(int32_t days, char out[11])
{
    int y, m, d;
    if (rs_cal_from_days(RS_CAL_GREGORIAN, days, &y, &m, &d) != 0 || !rs_year_in_range(y)) {
        out[0] = '\0';
        return -1;
    }
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
    return 0;
}
