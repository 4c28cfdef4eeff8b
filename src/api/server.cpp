#include "hotline/api/server.h"

#include <yaml-cpp/yaml.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "api.h"
#include "demo.h"
#include "hotline/config/loader.h"
#include "hotline/telephony/sip_telephony.h"
#include "http_server.h"
#include "phone_host.h"
#include "stream_hub.h"

namespace hotline::api {
namespace {

std::string ReadFile(const std::string& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    ok = static_cast<bool>(in);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// `--sip-users FILE`: the passwords of phones that register, one per agent id.
Result<std::map<std::string, std::string>> ReadSipUsers(const std::string& path) {
    YAML::Node doc;
    try {
        doc = YAML::LoadFile(path);
    } catch (const YAML::Exception& e) {
        return InvalidArgument(path + ":" + std::to_string(e.mark.line + 1) + ":" +
                               std::to_string(e.mark.column + 1) + ": " + e.msg);
    }
    if (!doc.IsMap()) {
        return InvalidArgument(path + ": expected agent ids, each with its SIP password");
    }
    std::map<std::string, std::string> users;
    for (const auto& kv : doc) {
        if (!kv.second.IsScalar() || kv.second.as<std::string>().empty()) {
            return InvalidArgument(path + ":" + std::to_string(kv.second.Mark().line + 1) +
                                   ": agent " + kv.first.as<std::string>() +
                                   ": expected a password");
        }
        users[kv.first.as<std::string>()] = kv.second.as<std::string>();
    }
    return users;
}

// The configuration to run: --center if given (and stored as a new version), else the stored
// one, else the demo's with --demo.
Result<std::pair<CenterConfig, std::string>> ChooseCenter(const ServeOptions& o,
                                                          store::Store& store) {
    std::string yaml, name;
    bool store_it = false;
    if (!o.center.empty()) {
        bool ok = false;
        yaml = ReadFile(o.center, ok);
        if (!ok) {
            return InvalidArgument(o.center + ": cannot read the file");
        }
        name = o.center;
        store_it = true;
    } else {
        ASSIGN_OR_RETURN(auto stored, store.LatestConfig());
        if (stored) {
            yaml = *stored;
            name = "stored configuration";
        } else if (o.demo) {
            yaml = DemoCenterYaml();
            name = "demo center";
            store_it = true;
        } else {
            return InvalidArgument(
                "no configuration yet: start once with --center FILE (or --demo)");
        }
    }
    config::LoadResult loaded = config::LoadCenterFromString(yaml, name);
    if (!loaded.ok()) {
        std::string msg;
        for (const auto& e : loaded.errors) {
            msg += "\n  " + e.ToString();
        }
        return InvalidArgument("the configuration has errors:" + msg);
    }
    if (store_it) {
        auto latest = store.LatestConfig();
        if (!latest.ok() || !latest->has_value() || **latest != yaml) {
            RETURN_IF_ERROR(store.PutConfig(
                yaml, "hotline serve",
                std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now())));
        }
    }
    return std::make_pair(std::move(loaded.center), std::move(yaml));
}

std::string DefaultWebDir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) {
        return "";
    }
    const auto dir = exe.parent_path() / "share" / "hotline" / "web";
    return std::filesystem::is_regular_file(dir / "index.html", ec) ? dir.string() : "";
}

}  // namespace

int Serve(const ServeOptions& o) {
    // Signals are taken by this thread with sigwait; every thread started below inherits the mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    if (o.durability != "full" && o.durability != "normal") {
        std::cerr << "serve: --durability must be full or normal\n";
        return 2;
    }
    if (!(o.speed > 0 && o.speed <= 1000)) {
        std::cerr << "serve: --speed must be above 0 and at most 1000\n";
        return 2;
    }
    store::Options so;
    so.durability = o.durability == "full" ? store::Durability::kFull : store::Durability::kNormal;
    auto store = store::OpenSqlite(o.db, so);
    if (!store.ok()) {
        std::cerr << "serve: " << o.db << ": " << store.status().message() << "\n";
        return 1;
    }
    auto center = ChooseCenter(o, **store);
    if (!center.ok()) {
        std::cerr << "serve: " << center.status().message() << "\n";
        return 2;
    }
    const CenterConfig& cfg = center->first;
    std::cerr << "hotline: " << config::Summarize(cfg) << "\n";

    std::set<std::string> human_agents;
    std::vector<DemoUser> demo_users;
    if (o.demo) {
        demo_users = DemoUsers(cfg);
        for (const auto& u : demo_users) {
            if (u.role == "agent") {
                human_agents.insert(u.agent);
            }
        }
    }

    LiveOptions lo;
    lo.speed = o.speed;
    lo.seed = o.seed;
    LiveCenter live(**store, cfg, center->second, lo);
    std::unique_ptr<DemoCompanion> demo;
    if (o.demo) {
        demo = std::make_unique<DemoCompanion>(cfg, human_agents, live, o.seed);
    }
    // Telephony: the adapter listens before the engine starts, and its call control rides on
    // the engine thread as a companion.
    LivePhoneHost phone_host(live);
    std::unique_ptr<telephony::Telephony> phones;
    std::unique_ptr<PhoneCalls> calls;
    if (!o.sip.empty()) {
        telephony::SipOptions so;
        so.listen = o.sip;
        so.prompts = o.prompts;
        so.rtp_min = o.rtp_min;
        so.rtp_max = static_cast<uint16_t>(std::min<int>(65535, o.rtp_min + 20000));
        so.tls_cert = o.sip_tls;
        if (!o.sip_users.empty()) {
            auto users = ReadSipUsers(o.sip_users);
            if (!users.ok()) {
                std::cerr << "serve: --sip-users " << users.status().message() << "\n";
                return 2;
            }
            so.users = std::move(users).value();
        }
        auto started = telephony::StartSip(so);
        if (!started.ok()) {
            std::cerr << "serve: --sip " << o.sip << ": " << started.status().message() << "\n";
            return 1;
        }
        phones = std::move(started).value();
        if (!o.recordings.empty()) {
            std::error_code ec;
            std::filesystem::create_directories(o.recordings, ec);
        }
        PhoneOptions po;
        po.flow = o.flow;
        po.language = o.language;
        po.recordings = o.recordings;
        po.registered_phones = !so.users.empty();
        po.trunk = o.sip_trunk;
        calls = std::make_unique<PhoneCalls>(*phones, phone_host, po);
        phone_host.SetCalls(calls.get());
        std::cerr << "hotline: SIP on " << o.sip
                  << (o.sip_tls.empty() ? " (udp, tcp)" : " (udp, tcp; tls on the next port)")
                  << ", prompts from " << (o.prompts.empty() ? "(none)" : o.prompts) << "\n";
    }
    std::vector<EngineCompanion*> companions;
    if (demo) {
        companions.push_back(demo.get());
    }
    if (calls) {
        companions.push_back(&phone_host);
    }
    // The companions need the live clock, which Start makes: they are attached inside Start.
    Status started = live.Start(companions);
    if (!started.ok()) {
        std::cerr << "serve: cannot rebuild the center from the store: " << started.message()
                  << "\n";
        return 1;
    }

    ApiOptions ao;
    Api api(live, **store, ao);
    api.SetPhoneCalls(calls.get());
    api.SetCenter(std::make_shared<const CenterConfig>(cfg), center->second);
    auto admin = api.auth().EnsureAdmin();
    if (!admin.ok()) {
        std::cerr << "serve: cannot create the admin user: " << admin.status().message() << "\n";
        return 1;
    }
    if (admin->has_value()) {
        if ((*admin)->empty()) {
            std::cerr
                << "hotline: created user admin with the password in HOTLINE_ADMIN_PASSWORD\n";
        } else {
            std::cerr << "hotline: created user admin, password " << **admin
                      << "  (shown this once; change it: PUT /api/v1/users/admin)\n";
        }
    }
    if (o.demo) {
        const char* env = std::getenv("HOTLINE_DEMO_PASSWORD");
        const std::string password = env != nullptr && *env != '\0' ? env : auth::RandomPassword();
        if (Status st = ResetDemoUsers(**store, demo_users, password); !st.ok()) {
            std::cerr << "serve: cannot create the demo users: " << st.message() << "\n";
            return 1;
        }
        std::cerr << "hotline: demo users (password "
                  << (env && *env ? "from HOTLINE_DEMO_PASSWORD" : password) << "):\n";
        for (const auto& u : demo_users) {
            std::cerr << "  " << u.username << "  " << u.role
                      << (u.agent.empty() || u.role != "agent" ? "" : "  desk of agent " + u.agent)
                      << (u.team.empty() ? "" : "  team " + u.team) << "\n";
        }
    }

    StreamHub hub(api, /*snapshot_every_s=*/1.0);
    HttpServerOptions ho;
    ho.bind = o.bind;
    ho.port = o.port;
    ho.threads = o.threads;
    ho.static_dir = o.web_dir.empty() ? DefaultWebDir() : o.web_dir;
    HttpServer http(api, hub, ho);
    if (Status st = http.Start(); !st.ok()) {
        std::cerr << "serve: " << st.message() << "\n";
        return 1;
    }
    std::cerr << "hotline: listening on http://" << o.bind << ":" << http.port()
              << (o.demo ? "  (demo, speed " + std::to_string(o.speed).substr(0, 4) + ")" : "")
              << std::endl;
    std::cout << "listening " << http.port() << std::endl;

    int sig = 0;
    sigwait(&signals, &sig);
    std::cerr << "hotline: stopping (" << (sig == SIGINT ? "SIGINT" : "SIGTERM") << ")\n";
    http.Stop();
    if (phones) {
        phones->SetListener(nullptr);  // nothing new from the phones
    }
    live.Stop();     // flushes the store; call control's last steps may still command the phones
    phones.reset();  // then the SIP loop ends
    return 0;
}

}  // namespace hotline::api
