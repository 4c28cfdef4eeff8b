#include "hotline/auth/auth.h"

#include <gtest/gtest.h>

namespace hotline::auth {
namespace {

TEST(Auth, PasswordsAreArgon2idAndVerifyOnlyTheRightOne) {
    auto h = HashPassword("correct horse");
    ASSERT_TRUE(h.ok());
    EXPECT_EQ(h->rfind("$argon2id$", 0), 0u) << *h;
    EXPECT_TRUE(VerifyPassword(*h, "correct horse"));
    EXPECT_FALSE(VerifyPassword(*h, "correct horse "));
    EXPECT_FALSE(VerifyPassword("not a hash", "x"));
    EXPECT_NE(*HashPassword("correct horse"), *h);  // salted
}

TEST(Auth, TokensAreRandomAndOnlyTheirHashIsKept) {
    const std::string a = NewToken(), b = NewToken();
    EXPECT_EQ(a.size(), 64u);
    EXPECT_NE(a, b);
    EXPECT_EQ(TokenHash(a), TokenHash(a));
    EXPECT_NE(TokenHash(a), a);
    EXPECT_EQ(RandomPassword().size(), 16u);
}

TEST(Auth, PhoneNumbersAreMaskedTheChineseWay) {
    EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
    EXPECT_EQ(MaskPhone("8613812345678"), "861******5678");
    EXPECT_EQ(MaskPhone("95555"), "9***5");
    EXPECT_EQ(MaskPhone("123"), "***");
    EXPECT_EQ(MaskPhone(""), "");
    EXPECT_EQ(MaskText("张三丰"), "张***");
    EXPECT_EQ(MaskText("C1024"), "C***");
}

TEST(Auth, RolesFromTheSeed) {
    EXPECT_EQ(ParseRole("team_leader"), Role::kTeamLeader);
    EXPECT_EQ(RoleLabelZh(Role::kShiftLeader), "值班长");
    EXPECT_FALSE(ParseRole("root").has_value());
    EXPECT_FALSE(MaySeePersonalData(Role::kAgent));
    EXPECT_FALSE(MaySeePersonalData(Role::kTeamLeader));
    EXPECT_TRUE(MaySeePersonalData(Role::kSupervisor));
    RoleSet leaders{Role::kTeamLeader, Role::kSupervisor};
    EXPECT_TRUE(leaders.Has(Role::kSupervisor));
    EXPECT_FALSE(leaders.Has(Role::kAgent));
    EXPECT_EQ(RoleSet::All().roles().size(), 7u);
}

}  // namespace
}  // namespace hotline::auth
