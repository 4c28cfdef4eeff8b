// `hotline prompts`: the prompt folder for `serve --sip` (docs/telephony.md), spoken by
// espeak-ng and made 8 kHz mono 16-bit by sox:
//   DIR/<language>/<name>.wav   prompts (the center's, the built-in standard ones, numbers)
//   DIR/music/<name>.wav        music on hold, synthesised by sox (every queue's `music`)
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <vector>

#include "commands.h"
#include "hotline/config/loader.h"

namespace hotline::app {
namespace {

namespace fs = std::filesystem;

// The prompts call control itself plays (api/phone_calls.cpp), in both languages.
const std::map<std::string, std::map<std::string, std::string>>& StandardTexts() {
    static const std::map<std::string, std::map<std::string, std::string>> texts = {
        {"zh-CN",
         {{"queue_ahead", "您前面还有"},
          {"queue_callers", "位客户在等候。"},
          {"queue_wait", "预计等待"},
          {"queue_minutes", "分钟。"},
          {"callback_confirmed", "已为您预约回拨, 我们会尽快给您回电, 再见。"},
          {"leave_message", "请在提示音后留言。"},
          {"goodbye", "感谢您的来电, 再见。"},
          {"queue_welcome", "您好, 座席正忙, 请稍候。"}}},
        {"en",
         {{"queue_ahead", "There are"},
          {"queue_callers", "callers ahead of you."},
          {"queue_wait", "The expected wait is"},
          {"queue_minutes", "minutes."},
          {"callback_confirmed", "We will call you back as soon as we can. Goodbye."},
          {"leave_message", "Please leave a message after the tone."},
          {"goodbye", "Thank you for calling. Goodbye."},
          {"queue_welcome", "All our agents are busy. Please hold."}}},
    };
    return texts;
}

std::string Voice(const std::string& language) {
    return language.starts_with("zh") ? "cmn" : language == "en" ? "en-us" : language;
}

// Runs a program without a shell (the words are never parsed as shell syntax).
int Spawn(const std::vector<std::string>& argv, bool quiet = false) {
    const pid_t pid = fork();
    if (pid < 0) {
        return -1;
    }
    if (pid == 0) {
        if (quiet) {
            freopen("/dev/null", "w", stdout);
        }
        std::vector<char*> args;
        for (const auto& a : argv) {
            args.push_back(const_cast<char*>(a.c_str()));
        }
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool Speak(const std::string& language, const std::string& text, const fs::path& out) {
    const fs::path raw = out.string() + ".raw.wav";
    if (Spawn({"espeak-ng", "-v", Voice(language), "-s", "150", "-w", raw.string(), text}) != 0) {
        return false;
    }
    // 8 kHz mono 16-bit, a little quieter than espeak's full scale, 0.2 s of lead-in.
    const int rc = Spawn({"sox", "-q", raw.string(), "-r", "8000", "-c", "1", "-b", "16",
                          out.string(), "gain", "-n", "-3", "pad", "0.2", "0.1"});
    std::error_code ec;
    fs::remove(raw, ec);
    return rc == 0;
}

// A short, soft chord progression, looped by the media clock.
bool Music(const std::string& name, const fs::path& out) {
    std::vector<std::string> chords = {"C4", "A3", "F3", "G3"};
    if (name == "calm") {
        chords = {"D4", "B3", "G3", "A3"};
    } else if (name == "classical") {
        chords = {"E4", "C4", "A3", "B3"};
    }
    std::vector<std::string> argv = {"sox", "-q", "-n", "-r",         "8000", "-c",
                                     "1",   "-b", "16", out.string(), "synth"};
    for (const auto& c : chords) {
        argv.insert(argv.end(), {"2", "pluck", c});
    }
    argv.insert(argv.end(), {"gain", "-n", "-12", "fade", "0.05", "-0", "0.3"});
    // One note per segment: sox plays the synth list one after another.
    return Spawn(argv) == 0;
}

std::string Bare(const std::string& name) {
    return name.starts_with("prompts/") ? name.substr(8) : name;
}

using Texts = std::map<std::string, std::map<std::string, std::string>>;

// Adds the words of a --texts file to `texts`; an error names the file and line.
std::string ReadTexts(const std::string& path, Texts& texts) {
    YAML::Node doc;
    try {
        doc = YAML::LoadFile(path);
    } catch (const YAML::Exception& e) {
        return path + ":" + std::to_string(e.mark.line + 1) + ":" +
               std::to_string(e.mark.column + 1) + ": " + e.msg;
    }
    if (!doc.IsMap()) {
        return path + ": expected languages, each a map of prompt name to words";
    }
    for (const auto& lang : doc) {
        if (!lang.second.IsMap()) {
            return path + ":" + std::to_string(lang.second.Mark().line + 1) + ": language " +
                   lang.first.as<std::string>() + ": expected name: words";
        }
        for (const auto& p : lang.second) {
            if (!p.second.IsScalar()) {
                return path + ":" + std::to_string(p.second.Mark().line + 1) + ": prompt " +
                       p.first.as<std::string>() + ": expected its words";
            }
            texts[lang.first.as<std::string>()][p.first.as<std::string>()] =
                p.second.as<std::string>();
        }
    }
    return "";
}

// The prompts and the music a center names (IVR nodes, queue greetings and music).
bool CenterNames(const std::string& path, std::set<std::string>& prompts,
                 std::set<std::string>& music) {
    auto loaded = config::LoadCenterFromFile(path);
    if (!loaded.ok()) {
        return false;
    }
    for (const auto& flow : loaded.center.ivr) {
        for (const auto& node : flow.nodes) {
            if (!node.prompt.empty()) {
                prompts.insert(Bare(node.prompt));
            }
        }
    }
    for (const auto& q : loaded.center.queues) {
        if (!q.announcements.greeting.empty()) {
            prompts.insert(Bare(q.announcements.greeting));
        }
        if (!q.announcements.music.empty()) {
            music.insert(Bare(q.announcements.music));
        }
    }
    return true;
}

}  // namespace

int PromptsCommand(const PromptsOptions& o) {
    if (Spawn({"espeak-ng", "--version"}, true) != 0 || Spawn({"sox", "--version"}, true) != 0) {
        std::cerr << "prompts: espeak-ng and sox are needed (apt-get install espeak-ng sox)\n";
        return 1;
    }
    Texts texts = StandardTexts();
    if (!o.texts.empty()) {
        if (std::string err = ReadTexts(o.texts, texts); !err.empty()) {
            std::cerr << err << "\n";
            return 2;
        }
    }
    std::set<std::string> wanted, music = {"default"};
    if (!o.center.empty() && !CenterNames(o.center, wanted, music)) {
        std::cerr << "prompts: " << o.center << " has errors; check-config tells which\n";
        return 2;
    }
    int made = 0, kept = 0, failed = 0;
    auto make = [&](const fs::path& out, const std::function<bool()>& fn) {
        if (fs::exists(out) && !o.force) {
            ++kept;
            return;
        }
        fs::create_directories(out.parent_path());
        if (fn()) {
            ++made;
        } else {
            ++failed;
            std::cerr << "prompts: could not make " << out.string() << "\n";
        }
    };
    for (const auto& lang : o.languages) {
        const auto& words = texts[lang];
        for (const auto& name : wanted) {
            if (!words.contains(name)) {
                std::cerr << "prompts: no words for " << lang << "/" << name << " (add them to "
                          << (o.texts.empty() ? "a --texts file" : o.texts) << ")\n";
            }
        }
        for (const auto& [name, text] : words) {
            const fs::path out = fs::path(o.out) / lang / (name + ".wav");
            make(out, [&] { return Speak(lang, text, out); });
        }
        for (int n = 0; n <= 99; ++n) {
            const fs::path out = fs::path(o.out) / lang / ("num_" + std::to_string(n) + ".wav");
            make(out, [&] { return Speak(lang, std::to_string(n), out); });
        }
    }
    for (const auto& m : music) {
        const fs::path out = fs::path(o.out) / "music" / (m + ".wav");
        make(out, [&] { return Music(m, out); });
    }
    std::cout << "prompts: " << made << " made, " << kept << " kept, " << failed << " failed in "
              << o.out << "\n";
    return failed == 0 ? 0 : 1;
}

}  // namespace hotline::app
