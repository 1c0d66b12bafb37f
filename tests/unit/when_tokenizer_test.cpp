// tests/unit/when_tokenizer_test.cpp — the time language's tokenizer on its own: words, numbers,
// punctuation, and the way people type them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "when/tokenizer.hpp"

namespace {

using namespace fu::when;

std::vector<std::string> texts(const std::vector<Token>& tokens)
{
    std::vector<std::string> out;
    for (const Token& t : tokens) {
        out.push_back(t.text);
    }
    return out;
}

} // namespace

TEST_CASE("when tokenizer: words, numbers and punctuation")
{
    using V = std::vector<std::string>;
    CHECK(texts(tokenize("Tomorrow  AFTERNOON")) == V{"tomorrow", "afternoon"});
    CHECK(texts(tokenize("5 p.m.")) == V{"5", "pm"});
    CHECK(texts(tokenize("4 o'clock")) == V{"4", "oclock"});
    CHECK(texts(tokenize("in a week's time")) == V{"in", "a", "weeks", "time"});
    CHECK(texts(tokenize("new year\xE2\x80\x99s eve")) == V{"new", "years", "eve"});
    CHECK(texts(tokenize("mid-morning")) == V{"mid", "morning"});
    CHECK(texts(tokenize("noonish")) == V{"noon", "ish"});
    CHECK(texts(tokenize("3ish")) == V{"3", "ish"});
    CHECK(texts(tokenize("fourish")) == V{"four", "ish"});
    CHECK(texts(tokenize("lunchish")) == V{"lunch", "ish"});
    // "ish" splits off a time word only: an unknown word is named whole in the refusal
    CHECK(texts(tokenize("gibberish")) == V{"gibberish"});
    CHECK(texts(tokenize("outlandish")) == V{"outlandish"});
    CHECK(texts(tokenize("2\xE2\x80\x93"
                         "4")) == V{"2", "-", "4"});
    CHECK(texts(tokenize("on the 15th.")) == V{"on", "15", "th"});
    CHECK(texts(tokenize("friday, 3pm")) == V{"friday", "3", "pm"});
    const auto t = tokenize("9:30-11:00");
    REQUIRE(t.size() == 7);
    CHECK(t[3].text == "-");
    CHECK_FALSE(t[3].spaced);
    CHECK(t[4].value == 11);
    CHECK(t[4].digits == 2);
    CHECK(tokenize("   ").empty());
}

TEST_CASE("when tokenizer: how people type")
{
    using V = std::vector<std::string>;
    CHECK(texts(tokenize("thurs @ 2pm")) == V{"thurs", "at", "2", "pm"});
    CHECK(texts(tokenize("between 3 & 5")) == V{"between", "3", "and", "5"});
    CHECK(texts(tokenize("fri 5p")) == V{"fri", "5", "pm"});
    CHECK(texts(tokenize("Jun. 22")) == V{"jun", "22"});
    CHECK(texts(tokenize("e.o.d. friday")) == V{"eod", "friday"});
    CHECK(texts(tokenize("tonite")) == V{"tonight"});
    CHECK(texts(tokenize("midafternoon")) == V{"mid", "afternoon"});
    CHECK(texts(tokenize("tomorrow eve")) == V{"tomorrow", "evening"});
    CHECK(texts(tokenize("christmas eve")) == V{"christmas", "eve"});
    CHECK(texts(tokenize("mon-fri")) == V{"mon", "-", "fri"});
    CHECK(texts(tokenize("9am-noon")) == V{"9", "am", "-", "noon"});
    CHECK(texts(tokenize("in two weeks' time")) == V{"in", "two", "weeks", "time"});
    CHECK(texts(tokenize("tomorrow\xC2\xA0" "2pm")) == V{"tomorrow", "2", "pm"});
    CHECK(texts(tokenize("\xE2\x80\x8Ftomorrow (pacific)")) == V{"tomorrow", "pacific"});
    const auto the = tokenize("the 19");
    REQUIRE(the.size() == 1);
    CHECK(the[0].after_the);
}
