#pragma once
// Prompts and music as 8 kHz 16-bit samples, read once from WAV files (libsndfile) and kept in
// memory: a prompt is played to many callers at once. Loop thread only.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace hotline::telephony::sip {

using Pcm = std::vector<int16_t>;

class PromptLibrary {
  public:
    explicit PromptLibrary(std::string dir) : dir_(std::move(dir)) {}
    // "prompts/welcome" in "zh-CN": DIR/zh-CN/welcome.wav, else DIR/welcome.wav. nullptr (and one
    // line on stderr) when there is no usable file.
    const Pcm* Prompt(const std::string& name, const std::string& language);
    // DIR/music/<name>.wav, else DIR/<name>.wav: music has no language.
    const Pcm* Music(const std::string& name);

  private:
    const Pcm* Load(const std::vector<std::string>& paths, const std::string& key);
    std::string dir_;
    std::map<std::string, Pcm> cache_;
    std::map<std::string, bool> missing_;
};

}  // namespace hotline::telephony::sip
