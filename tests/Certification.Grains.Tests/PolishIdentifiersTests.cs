using System.Globalization;
using Certification.Domain;
using Xunit;

namespace Certification.Grains.Tests;

public class PolishIdentifiersTests
{
    // The contract with the portal, which maps these exact strings to messages.
    private static readonly string[] AllErrorCodes =
    [
        "nip.empty", "nip.format", "nip.checksum",
        "regon.empty", "regon.format", "regon.checksum",
        "pesel.empty", "pesel.format", "pesel.date", "pesel.checksum",
    ];

    private static readonly int[] NipWeights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
    private static readonly int[] Regon9Weights = [8, 9, 2, 3, 4, 5, 6, 7];
    private static readonly int[] PeselWeights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

    // ---------- NIP ----------

    [Theory]
    [InlineData("8567346215", "8567346215")]
    [InlineData("856-734-62-15", "8567346215")]
    [InlineData("856 734 62 15", "8567346215")]
    [InlineData("PL8567346215", "8567346215")]
    [InlineData("pl8567346215", "8567346215")]
    [InlineData("PL 856-734-62-15", "8567346215")]
    [InlineData("  856-734-62-15  ", "8567346215")]
    [InlineData("5260250274", "5260250274")]
    [InlineData("526-025-02-74", "5260250274")]
    [InlineData("526 025 02 74", "5260250274")]
    [InlineData("PL5260250274", "5260250274")]
    [InlineData("7740001454", "7740001454")]
    [InlineData("774-000-14-54", "7740001454")]
    [InlineData("774 000 14 54", "7740001454")]
    [InlineData("PL7740001454", "7740001454")]
    public void Published_nip_is_accepted_in_every_common_formatting(string input, string expected)
    {
        var check = Nip.Check(input);

        Assert.True(check.IsValid);
        Assert.Null(check.ErrorCode);
        Assert.Equal(expected, check.Normalized);
    }

    [Fact]
    public void Published_nips_satisfy_the_weighted_formula_in_the_test_as_well()
    {
        // Guards against the examples being accepted only because the implementation is wrong.
        Assert.Equal(5, NipRemainder("856734621"));
        Assert.Equal(4, NipRemainder("526025027"));
        Assert.Equal(4, NipRemainder("774000145"));
    }

    [Theory]
    [InlineData("8567346216")]
    [InlineData("8567346214")]
    [InlineData("PL 856-734-62-10")]
    public void Nip_with_wrong_check_digit_is_rejected(string input)
    {
        var check = Nip.Check(input);

        Assert.False(check.IsValid);
        Assert.Equal("nip.checksum", check.ErrorCode);
        Assert.Null(check.Normalized);
    }

    [Theory]
    [InlineData("8567346215")]
    [InlineData("5260250274")]
    [InlineData("7740001454")]
    public void Every_single_digit_change_of_a_valid_nip_is_rejected(string valid)
    {
        // Every weight (6,5,7,2,3,4,5,6,7) is non-zero mod 11 and 11 is prime, so changing a digit by
        // d in ±1..±9 moves the remainder by w·d ≢ 0 (mod 11): it no longer equals the old check digit.
        // Changing the check digit itself leaves the remainder where it was. So no change can survive.
        foreach (var (position, mutant) in SingleDigitMutations(valid))
        {
            var check = Nip.Check(mutant);
            Assert.True(check.ErrorCode == "nip.checksum", $"{mutant} (digit {position + 1} changed) was not rejected");
        }
    }

    [Theory]
    [InlineData("8567346215")]
    [InlineData("5260250274")]
    [InlineData("7740001454")]
    public void Nip_with_two_adjacent_digits_swapped_is_rejected(string valid)
    {
        // Swapping a≠b at positions i,i+1 among the first nine moves the remainder by (wᵢ − wᵢ₊₁)(b − a);
        // the weight differences 1,−2,5,−1,−1,−1,−1,−1 are non-zero mod 11, so the remainder changes.
        // Swapping digit 9 (weight 7) with the check digit: old 7a + S ≡ b, new needs 7b + S ≡ a,
        // which subtracts to 8(b − a) ≡ 0 (mod 11), i.e. a = b. So every swap of different digits is caught.
        var swaps = AdjacentTranspositions(valid).ToList();
        Assert.NotEmpty(swaps);
        foreach (var (position, swapped) in swaps)
        {
            Assert.True(Nip.Check(swapped).ErrorCode == "nip.checksum", $"{swapped} (digits {position + 1}/{position + 2} swapped) was not rejected");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void Nip_whose_checksum_would_be_ten_is_rejected_whatever_the_last_digit(int lastDigit)
    {
        const string FirstNine = "900000000";
        Assert.Equal(10, NipRemainder(FirstNine));

        var check = Nip.Check(FirstNine + lastDigit.ToString(CultureInfo.InvariantCulture));

        Assert.Equal("nip.checksum", check.ErrorCode);
    }

    [Theory]
    [InlineData("856734621")]
    [InlineData("85673462150")]
    [InlineData("856-734-62-1")]
    [InlineData("PL")]
    [InlineData("PL856734621")]
    [InlineData("1")]
    public void Nip_of_wrong_length_is_a_format_error(string input)
    {
        Assert.Equal("nip.format", Nip.Check(input).ErrorCode);
    }

    [Theory]
    [InlineData("856734621A")]
    [InlineData("O567346215")]
    [InlineData("DE8567346215")]
    [InlineData("856.734.62.15")]
    [InlineData("856_734_62_15")]
    [InlineData("856\t734\t62\t15")]
    [InlineData("PLPL8567346215")]
    [InlineData("８５６７３４６２１５")]
    [InlineData("٨٥٦٧٣٤٦٢١٥")]
    public void Nip_with_letters_or_other_characters_is_a_format_error(string input)
    {
        Assert.Equal("nip.format", Nip.Check(input).ErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" - - ")]
    public void Missing_nip_is_reported_as_empty(string? input)
    {
        var check = Nip.Check(input);

        Assert.False(check.IsValid);
        Assert.Equal("nip.empty", check.ErrorCode);
    }

    // ---------- REGON ----------

    [Theory]
    [InlineData("123456785", "123456785")]
    [InlineData("123-456-785", "123456785")]
    [InlineData("123 456 785", "123456785")]
    [InlineData(" 123456785 ", "123456785")]
    [InlineData("192598184", "192598184")]
    [InlineData("12345678512347", "12345678512347")]
    [InlineData("123-456-785-12347", "12345678512347")]
    [InlineData("123 456 785 12347", "12345678512347")]
    public void Published_regon_is_accepted_in_every_common_formatting(string input, string expected)
    {
        var check = Regon.Check(input);

        Assert.True(check.IsValid);
        Assert.Equal(expected, check.Normalized);
    }

    [Theory]
    [InlineData("123456786")]
    [InlineData("192598183")]
    [InlineData("12345678512348")]
    public void Regon_with_wrong_check_digit_is_rejected(string input)
    {
        Assert.Equal("regon.checksum", Regon.Check(input).ErrorCode);
    }

    [Fact]
    public void Regon14_whose_first_nine_digits_are_not_a_valid_regon9_is_rejected()
    {
        // Published counter-example: the 14-digit checksum is right but the embedded REGON-9 is not.
        Assert.Equal("regon.checksum", Regon.Check("12345678612342").ErrorCode);
    }

    [Theory]
    [InlineData("123456785")]
    [InlineData("192598184")]
    [InlineData("12345678512347")]
    public void Every_single_digit_change_of_a_regon_with_non_zero_check_digits_is_rejected(string valid)
    {
        // The check is (Σ mod 11) mod 10. With a check digit c in 1..9 the remainder is exactly c (not 10),
        // and the only other remainder folding to c would be c + 10 > 10, which cannot occur. All REGON-9
        // weights are non-zero mod 11, so a changed digit changes the remainder and is caught. In the
        // 14-digit form digit 5 has weight 0, but it is covered by the embedded REGON-9; digits 10–13 have
        // weights 1,2,4,8. This holds only because all check digits of these examples are non-zero.
        Assert.NotEqual('0', valid[8]);
        Assert.NotEqual('0', valid[^1]);

        foreach (var (position, mutant) in SingleDigitMutations(valid))
        {
            Assert.True(Regon.Check(mutant).ErrorCode == "regon.checksum", $"{mutant} (digit {position + 1} changed) was not rejected");
        }
    }

    [Fact]
    public void Regon_single_digit_changes_are_accepted_only_through_the_ten_to_zero_fold()
    {
        // 123456740 has remainder 10, folded to check digit 0. A data-digit change that lands on remainder 0
        // also folds to 0 and is a known, unavoidable weakness of the official algorithm.
        const string Valid = "123456740";
        Assert.Equal(10, Regon9Remainder(Valid));
        Assert.True(Regon.Check(Valid).IsValid);

        var accepted = new List<string>();
        foreach (var (position, mutant) in SingleDigitMutations(Valid))
        {
            var isValid = Regon.Check(mutant).IsValid;
            var expected = position < 8 && Regon9Remainder(mutant) == 0;
            Assert.True(expected == isValid, $"{mutant} (digit {position + 1} changed): expected valid={expected}");
            if (isValid)
            {
                accepted.Add(mutant);
            }
        }

        // Digit 1 has weight 8 and 8·7 = 56 ≡ 1 (mod 11), so raising it by 7 moves the remainder from 10 to 0.
        Assert.Contains("823456740", accepted);
    }

    [Theory]
    [InlineData("123456785")]
    [InlineData("192598184")]
    public void Regon_with_two_adjacent_data_digits_swapped_is_rejected(string valid)
    {
        // Weight differences 8−9, 9−2, 2−3, … are −1,7,−1,−1,−1,−1,−1: non-zero mod 11, and with a non-zero
        // check digit there is no fold to hide behind (see above). The swap of digit 8 with the check digit is
        // not covered by this argument and is left out.
        foreach (var (position, swapped) in AdjacentTranspositions(valid).Where(t => t.Position < 7))
        {
            Assert.True(Regon.Check(swapped).ErrorCode == "regon.checksum", $"{swapped} (digits {position + 1}/{position + 2} swapped) was not rejected");
        }
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("1234567851")]
    [InlineData("1234567851234")]
    [InlineData("123456785123470")]
    [InlineData("1")]
    public void Regon_of_wrong_length_is_a_format_error(string input)
    {
        Assert.Equal("regon.format", Regon.Check(input).ErrorCode);
    }

    [Theory]
    [InlineData("12345678O")]
    [InlineData("PL123456785")]
    [InlineData("123.456.785")]
    [InlineData("1234567851234X")]
    public void Regon_with_letters_or_other_characters_is_a_format_error(string input)
    {
        Assert.Equal("regon.format", Regon.Check(input).ErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_regon_is_reported_as_empty(string? input)
    {
        Assert.Equal("regon.empty", Regon.Check(input).ErrorCode);
    }

    // ---------- PESEL ----------

    [Theory]
    [InlineData("44051401359", "44051401359")]
    [InlineData("440514-01359", "44051401359")]
    [InlineData("440514 01359", "44051401359")]
    [InlineData(" 44051401359 ", "44051401359")]
    [InlineData("02122401358", "02122401358")]
    [InlineData("02211307589", "02211307589")]
    public void Published_pesel_is_accepted(string input, string expected)
    {
        var check = Pesel.Check(input);

        Assert.True(check.IsValid);
        Assert.Equal(expected, check.Normalized);
    }

    [Fact]
    public void Published_pesel_satisfies_the_check_digit_helper_used_by_these_tests()
    {
        // The helper below constructs further valid numbers, so it must agree with a published one.
        Assert.Equal("44051401359", PeselWithCheckDigit("4405140135"));
    }

    [Theory]
    [InlineData("44051401358")]
    [InlineData("44051401350")]
    public void Pesel_with_wrong_check_digit_is_rejected(string input)
    {
        Assert.Equal("pesel.checksum", Pesel.Check(input).ErrorCode);
    }

    [Theory]
    [InlineData("44051401359")]
    [InlineData("02122401358")]
    [InlineData("02211307589")]
    public void Every_single_digit_change_of_a_valid_pesel_is_rejected_by_the_checksum(string valid)
    {
        // Weights 1,3,7,9 are coprime to 10, so changing a digit by d in ±1..±9 moves Σ by w·d ≢ 0 (mod 10)
        // and the expected check digit changes; changing the check digit itself leaves Σ unchanged.
        // The checksum is checked before the date, so the code is always the checksum one.
        foreach (var (position, mutant) in SingleDigitMutations(valid))
        {
            Assert.True(Pesel.Check(mutant).ErrorCode == "pesel.checksum", $"{mutant} (digit {position + 1} changed) was not rejected");
        }
    }

    [Theory]
    [InlineData("44051401359")]
    [InlineData("02122401358")]
    [InlineData("02211307589")]
    public void Pesel_with_adjacent_digits_swapped_is_rejected_unless_they_differ_by_five(string valid)
    {
        // Adjacent weight differences are ±2, ±4 or 8, so swapping a≠b moves Σ by a multiple of 10 exactly when
        // 5 divides b − a. (Swapping the last data digit with the check digit reduces to 2(a − b) ≡ 0 — the
        // same condition.) Such swaps pass the checksum; only the date check might still catch them.
        var swaps = AdjacentTranspositions(valid).ToList();
        Assert.NotEmpty(swaps);
        foreach (var (position, swapped) in swaps)
        {
            var differByFive = Math.Abs(valid[position] - valid[position + 1]) == 5;
            var code = Pesel.Check(swapped).ErrorCode;
            if (differByFive)
            {
                Assert.NotEqual("pesel.checksum", code);
            }
            else
            {
                Assert.True(code == "pesel.checksum", $"{swapped} (digits {position + 1}/{position + 2} swapped) was not rejected");
            }
        }
    }

    [Fact]
    public void Pesel_swap_of_digits_differing_by_five_is_a_known_blind_spot_of_the_checksum()
    {
        // 44051401359 → swapping "05" at digits 3/4 gives 45 → month 50 → 2144-10-14, a real date.
        Assert.True(Pesel.Check("44501401359").IsValid);
    }

    [Theory]
    [InlineData("1899-12-31", "999231")]
    [InlineData("1800-01-01", "008101")]
    [InlineData("1850-07-15", "508715")]
    public void Pesel_of_someone_born_in_the_1800s_is_decoded_from_the_month_plus_80(string expectedDate, string datePart)
    {
        var pesel = PeselWithCheckDigit(datePart + "1234");

        Assert.True(Pesel.Check(pesel).IsValid);
        Assert.Equal(DateOnly.Parse(expectedDate, CultureInfo.InvariantCulture), Pesel.BirthDate(pesel));
    }

    [Theory]
    [InlineData("2000-01-01", "002101")]
    [InlineData("2009-12-31", "093231")]
    [InlineData("2024-06-15", "242615")]
    public void Pesel_of_someone_born_in_the_2000s_is_decoded_from_the_month_plus_20(string expectedDate, string datePart)
    {
        var pesel = PeselWithCheckDigit(datePart + "5678");

        Assert.True(Pesel.Check(pesel).IsValid);
        Assert.Equal(DateOnly.Parse(expectedDate, CultureInfo.InvariantCulture), Pesel.BirthDate(pesel));
    }

    [Theory]
    [InlineData("2101-01-01", "014101")]
    [InlineData("2299-12-31", "997231")]
    [InlineData("1900-01-01", "000101")]
    public void Pesel_of_the_1900s_2100s_and_2200s_is_decoded_too(string expectedDate, string datePart)
    {
        Assert.Equal(
            DateOnly.Parse(expectedDate, CultureInfo.InvariantCulture),
            Pesel.BirthDate(PeselWithCheckDigit(datePart + "0000")));
    }

    [Theory]
    [InlineData("440230")] // 30 Feb 1944
    [InlineData("442230")] // 30 Feb 2044
    [InlineData("230229")] // 29 Feb 1923, not a leap year
    [InlineData("232229")] // 29 Feb 2023, not a leap year
    [InlineData("000229")] // 29 Feb 1900: divisible by 100 but not 400, not a leap year
    [InlineData("008229")] // 29 Feb 1800, not a leap year
    [InlineData("004229")] // 29 Feb 2100, not a leap year
    [InlineData("440431")] // 31 Apr
    [InlineData("441301")] // month 13
    [InlineData("440001")] // month 0
    [InlineData("443301")] // 2000s month 13
    [InlineData("449301")] // 1800s month 13
    [InlineData("440500")] // day 0
    [InlineData("440532")] // day 32
    public void Pesel_with_a_date_that_does_not_exist_is_rejected(string datePart)
    {
        var pesel = PeselWithCheckDigit(datePart + "0135");

        Assert.Equal("pesel.date", Pesel.Check(pesel).ErrorCode);
        Assert.Null(Pesel.BirthDate(pesel));
    }

    [Fact]
    public void Published_pesel_with_non_existent_date_is_rejected()
    {
        // Month 38 → 2000s month 18.
        Assert.Equal("pesel.date", Pesel.Check("02381307589").ErrorCode);
    }

    [Theory]
    [InlineData("2000-02-29", "002229")] // divisible by 400: leap
    [InlineData("2024-02-29", "242229")]
    [InlineData("1996-02-29", "960229")]
    [InlineData("1804-02-29", "048229")]
    public void Pesel_with_29_february_in_a_leap_year_is_accepted(string expectedDate, string datePart)
    {
        var pesel = PeselWithCheckDigit(datePart + "0135");

        Assert.True(Pesel.Check(pesel).IsValid);
        Assert.Equal(DateOnly.Parse(expectedDate, CultureInfo.InvariantCulture), Pesel.BirthDate(pesel));
    }

    [Fact]
    public void Pesel_with_both_a_wrong_check_digit_and_an_impossible_date_reports_the_checksum()
    {
        var valid = PeselWithCheckDigit("4402300135");
        var wrongCheckDigit = valid[..10] + (char)('0' + ((valid[10] - '0' + 1) % 10));

        Assert.Equal("pesel.checksum", Pesel.Check(wrongCheckDigit).ErrorCode);
    }

    [Theory]
    [InlineData("4405140135")]
    [InlineData("440514013590")]
    [InlineData("1")]
    public void Pesel_of_wrong_length_is_a_format_error(string input)
    {
        Assert.Equal("pesel.format", Pesel.Check(input).ErrorCode);
    }

    [Theory]
    [InlineData("4405140135X")]
    [InlineData("PL44051401359")]
    [InlineData("440514.01359")]
    public void Pesel_with_letters_or_other_characters_is_a_format_error(string input)
    {
        Assert.Equal("pesel.format", Pesel.Check(input).ErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_pesel_is_reported_as_empty(string? input)
    {
        Assert.Equal("pesel.empty", Pesel.Check(input).ErrorCode);
    }

    [Theory]
    [InlineData("44051401359", "1944-05-14")]
    [InlineData("440514-01359", "1944-05-14")]
    [InlineData("02122401358", "1902-12-24")]
    [InlineData("02211307589", "2002-01-13")]
    public void Birth_date_of_a_valid_pesel_is_decoded(string pesel, string expectedDate)
    {
        Assert.Equal(DateOnly.Parse(expectedDate, CultureInfo.InvariantCulture), Pesel.BirthDate(pesel));
    }

    [Theory]
    [InlineData("44051401358")]
    [InlineData("02381307589")]
    [InlineData("4405140135")]
    [InlineData("")]
    public void Birth_date_of_an_invalid_pesel_is_null(string pesel)
    {
        Assert.Null(Pesel.BirthDate(pesel));
    }

    // ---------- Messages ----------

    [Fact]
    public void Every_error_code_has_distinct_polish_and_english_messages()
    {
        foreach (var code in AllErrorCodes)
        {
            var polish = PolishIdentifierMessages.Polish(code);
            var english = PolishIdentifierMessages.English(code);

            Assert.False(string.IsNullOrWhiteSpace(polish), code);
            Assert.False(string.IsNullOrWhiteSpace(english), code);
            Assert.NotEqual(polish, english);
        }

        // Specific messages: no two codes share a text.
        Assert.Equal(AllErrorCodes.Length, AllErrorCodes.Select(PolishIdentifierMessages.Polish).Distinct().Count());
        Assert.Equal(AllErrorCodes.Length, AllErrorCodes.Select(PolishIdentifierMessages.English).Distinct().Count());
    }

    [Fact]
    public void Every_error_code_the_validators_produce_has_a_message()
    {
        string?[] samples = [null, "x", "1", "8567346216", "123456786", "44051401358", PeselWithCheckDigit("4402300135")];
        var produced = samples
            .SelectMany(s => new[] { Nip.Check(s), Regon.Check(s), Pesel.Check(s) })
            .Select(c => c.ErrorCode)
            .OfType<string>()
            .Distinct()
            .Order()
            .ToList();

        Assert.Equal(AllErrorCodes.Order(), produced);
    }

    [Fact]
    public void Polish_and_english_texts_for_the_nip_match_the_agreed_wording()
    {
        Assert.Equal(
            "NIP jest nieprawidłowy: cyfra kontrolna się nie zgadza. Sprawdź, czy nie ma literówki.",
            PolishIdentifierMessages.Polish("nip.checksum"));
        Assert.Equal(
            "NIP musi mieć 10 cyfr (myślniki i spacje są dozwolone, np. 856-734-62-15).",
            PolishIdentifierMessages.Polish("nip.format"));
        Assert.Equal("PESEL zawiera nieistniejącą datę urodzenia.", PolishIdentifierMessages.Polish("pesel.date"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nip")]
    [InlineData("NIP.CHECKSUM")]
    [InlineData("vat.format")]
    public void Unknown_error_code_has_no_message(string code)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PolishIdentifierMessages.Polish(code));
        Assert.Throws<ArgumentOutOfRangeException>(() => PolishIdentifierMessages.English(code));
    }

    // ---------- Helpers ----------

    private static IEnumerable<(int Position, string Mutant)> SingleDigitMutations(string digits)
    {
        for (var position = 0; position < digits.Length; position++)
        {
            for (var replacement = '0'; replacement <= '9'; replacement++)
            {
                if (replacement != digits[position])
                {
                    var chars = digits.ToCharArray();
                    chars[position] = replacement;
                    yield return (position, new string(chars));
                }
            }
        }
    }

    // Swaps of equal neighbours leave the number unchanged, so only differing pairs are produced.
    private static IEnumerable<(int Position, string Swapped)> AdjacentTranspositions(string digits)
    {
        for (var position = 0; position + 1 < digits.Length; position++)
        {
            if (digits[position] != digits[position + 1])
            {
                var chars = digits.ToCharArray();
                (chars[position], chars[position + 1]) = (chars[position + 1], chars[position]);
                yield return (position, new string(chars));
            }
        }
    }

    private static int WeightedSum(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i] * (digits[i] - '0');
        }

        return sum;
    }

    private static int NipRemainder(string digits) => WeightedSum(digits, NipWeights) % 11;

    private static int Regon9Remainder(string digits) => WeightedSum(digits, Regon9Weights) % 11;

    private static string PeselWithCheckDigit(string firstTen)
    {
        var check = (10 - (WeightedSum(firstTen, PeselWeights) % 10)) % 10;
        return firstTen + check.ToString(CultureInfo.InvariantCulture);
    }
}
