/*
 * test_buffer.c - the growable byte buffer's number formatting, which the
 * event output uses in place of printf.
 */
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* rs_buf_put_fixed must print what printf's "%.*f" prints, for the
 * Goldstein values (one decimal) and coordinates (two) it is used on, and
 * at the ties where the two could part: x.x5 and x.xx5. */
static void fixed_point_matches_printf(void **state)
{
    (void)state;
    rs_buf out;
    rs_buf_init(&out);
    char want[64];
    float values[] = {0.0f, -0.0f, 0.05f, -0.05f, 0.125f, -0.125f, 0.375f, 2.5f, -2.5f, 3.4f, -6.5f,
                      -10.0f, 10.0f, 34.525f, 69.17f, -0.004f, 179.995f, -179.995f, 1e-7f, 12345.675f};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++)
        for (int d = 0; d <= 4; d++) {
            rs_buf_clear(&out);
            rs_buf_put_fixed(&out, values[i], d);
            snprintf(want, sizeof want, "%.*f", d, (double)values[i]);
            assert_string_equal(out.data, want);
        }
    /* Every hundredth from -200 to 200, and the floats between. */
    for (int k = -20000; k <= 20000; k++) {
        float v = (float)k / 100.0f;
        float near[] = {v, nextafterf(v, -1e9f), nextafterf(v, 1e9f), v + 0.005f};
        for (size_t j = 0; j < 4; j++)
            for (int d = 1; d <= 2; d++) {
                rs_buf_clear(&out);
                rs_buf_put_fixed(&out, near[j], d);
                snprintf(want, sizeof want, "%.*f", d, (double)near[j]);
                assert_string_equal(out.data, want);
            }
    }
    rs_buf_free(&out);
}

/* Values outside the exact range, and decimals it does not take, fall
 * back to printf itself. */
static void fixed_point_falls_back_outside_its_range(void **state)
{
    (void)state;
    rs_buf out;
    rs_buf_init(&out);
    rs_buf_put_fixed(&out, 3e12f, 1);
    rs_buf_putc(&out, ' ');
    rs_buf_put_fixed(&out, INFINITY, 2);
    rs_buf_putc(&out, ' ');
    rs_buf_put_fixed(&out, 1.5f, 6);
    char want[128];
    snprintf(want, sizeof want, "%.1f %.2f %.6f", (double)3e12f, (double)INFINITY, 1.5);
    assert_string_equal(out.data, want);
    rs_buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fixed_point_matches_printf),
        cmocka_unit_test(fixed_point_falls_back_outside_its_range),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
