// A minimal test runner: TEST(name) { CHECK(...); } and TEST_MAIN at the end of the file.
#pragma once
#include <cmath>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace check {
struct Case {
    const char* name;
    void (*fn)();
};
inline std::vector<Case>& cases() {
    static std::vector<Case> all;
    return all;
}
inline int& failures() {
    static int count = 0;
    return count;
}
struct Register {
    Register(const char* name, void (*fn)()) { cases().push_back({name, fn}); }
};
inline void fail(const char* file, int line, const std::string& what) {
    ++failures();
    std::cerr << file << ":" << line << ": " << what << "\n";
}
inline int run_all() {
    for (const Case& c : cases()) {
        int before = failures();
        try {
            c.fn();
        } catch (const std::exception& e) {
            fail(c.name, 0, std::string("unexpected exception: ") + e.what());
        }
        std::cout << (failures() == before ? "ok   " : "FAIL ") << c.name << "\n";
    }
    std::cout << cases().size() << " cases, " << failures() << " failed checks\n";
    return failures() == 0 ? 0 : 1;
}
}  // namespace check

#define TEST(name)                                           \
    static void name();                                      \
    static check::Register register_##name(#name, name);     \
    static void name()
#define CHECK(cond) \
    do { if (!(cond)) check::fail(__FILE__, __LINE__, "CHECK(" #cond ") failed"); } while (0)
#define CHECK_NEAR(a, b, eps) \
    do { if (!(std::fabs((a) - (b)) <= (eps))) check::fail(__FILE__, __LINE__, "CHECK_NEAR(" #a ", " #b ") failed: " + std::to_string(a) + " vs " + std::to_string(b)); } while (0)
#define CHECK_THROWS(type, expr, needle)                                                                    \
    do {                                                                                                    \
        try {                                                                                               \
            (void)(expr);                                                                                   \
            check::fail(__FILE__, __LINE__, "expected " #type " from " #expr);                              \
        } catch (const type& e) {                                                                           \
            if (std::string(e.what()).find(needle) == std::string::npos)                                    \
                check::fail(__FILE__, __LINE__, std::string("message '") + e.what() + "' lacks '" + needle + "'"); \
        }                                                                                                   \
    } while (0)
#define TEST_MAIN \
    int main() { return check::run_all(); }
