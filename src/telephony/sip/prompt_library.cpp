#include "prompt_library.h"

#include <sndfile.h>

#include <filesystem>
#include <iostream>

namespace hotline::telephony::sip {
namespace {

std::string Bare(const std::string& name) {
    const std::string prefix = "prompts/";
    return name.starts_with(prefix) ? name.substr(prefix.size()) : name;
}

// The samples of an 8 kHz mono file; an error message otherwise.
std::string Read(const std::string& path, Pcm& out) {
    SF_INFO info{};
    SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
    if (f == nullptr) {
        return sf_strerror(nullptr);
    }
    std::string err;
    if (info.samplerate != 8000 || info.channels != 1) {
        err = std::to_string(info.samplerate) + " Hz, " + std::to_string(info.channels) +
              " channel(s); prompts must be 8000 Hz mono (hotline prompts makes them so)";
    } else {
        out.resize(static_cast<size_t>(info.frames));
        out.resize(static_cast<size_t>(sf_readf_short(f, out.data(), info.frames)));
    }
    sf_close(f);
    return err;
}

}  // namespace

const Pcm* PromptLibrary::Load(const std::vector<std::string>& paths, const std::string& key) {
    if (auto it = cache_.find(key); it != cache_.end()) {
        return &it->second;
    }
    if (missing_.contains(key)) {
        return nullptr;
    }
    std::string why = "no file";
    for (const auto& p : paths) {
        std::error_code ec;
        if (!std::filesystem::exists(p, ec)) {
            continue;
        }
        Pcm pcm;
        why = Read(p, pcm);
        if (why.empty()) {
            return &cache_.emplace(key, std::move(pcm)).first->second;
        }
        why = p + ": " + why;
        break;
    }
    std::cerr << "hotline: prompt " << key << " not played: " << why << " (looked in "
              << (paths.empty() ? dir_ : paths.front()) << ")\n";
    missing_[key] = true;
    return nullptr;
}

const Pcm* PromptLibrary::Prompt(const std::string& name, const std::string& language) {
    const std::string bare = Bare(name);
    if (bare.empty() || bare.find("..") != std::string::npos) {
        return nullptr;
    }
    return Load({dir_ + "/" + language + "/" + bare + ".wav", dir_ + "/" + bare + ".wav"},
                language + "/" + bare);
}

const Pcm* PromptLibrary::Music(const std::string& name) {
    const std::string bare = Bare(name);
    if (bare.empty() || bare.find("..") != std::string::npos) {
        return nullptr;
    }
    return Load({dir_ + "/music/" + bare + ".wav", dir_ + "/" + bare + ".wav"}, "music/" + bare);
}

}  // namespace hotline::telephony::sip
