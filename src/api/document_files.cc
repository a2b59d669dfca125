#include "api/document_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace childmaint::api {

namespace {

constexpr std::size_t kMaxName = 64;
constexpr mode_t kDirMode = 0700;
constexpr mode_t kFileMode = 0600;
constexpr std::size_t kReadChunk = 1 << 16;

Error Io(const std::string& what, const std::string& path, int err) {
  return Error::Make(ErrorCode::kInternal, "documents.io",
                     what + " " + path + ": " + std::strerror(err));
}

Status CheckName(std::string_view name) {
  const bool ok =
      !name.empty() && name.size() <= kMaxName && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
      });
  if (!ok) {
    return Error::Make(ErrorCode::kInvalidArgument, "documents.bad_name",
                       "not a document storage name");
  }
  return Ok();
}

// Closes the descriptor when it goes.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int Release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

Status WriteAll(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return Io("cannot write", path, n < 0 ? errno : EIO);
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return Ok();
}

}  // namespace

Status PrepareDocumentsDir(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    const auto parent = std::filesystem::path(dir).parent_path();
    if (!parent.empty()) {
      std::filesystem::create_directories(parent, ec);
    }
    if (::mkdir(dir.c_str(), kDirMode) != 0 && errno != EEXIST) {
      return Io("cannot create", dir, errno);
    }
  }
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    return Io("cannot open", dir, errno);
  }
  if (!S_ISDIR(st.st_mode)) {
    return Io("cannot use", dir, ENOTDIR);
  }
  if ((st.st_mode & 0777) != kDirMode && ::chmod(dir.c_str(), kDirMode) != 0) {
    return Io("cannot restrict", dir, errno);
  }
  return Ok();
}

Status WriteDocumentFile(const std::string& dir, std::string_view name, std::string_view bytes) {
  CMS_TRY(CheckName(name));
  CMS_TRY(PrepareDocumentsDir(dir));
  const std::string path = dir + "/" + std::string(name);
  const std::string temp = path + ".partial";
  Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, kFileMode));
  if (fd.get() < 0) {
    return Io("cannot create", temp, errno);
  }
  Status s = WriteAll(fd.get(), bytes, temp);
  if (s && ::fsync(fd.get()) != 0) {
    s = Io("cannot sync", temp, errno);
  }
  if (s && ::close(fd.Release()) != 0) {
    s = Io("cannot close", temp, errno);
  }
  if (s && ::rename(temp.c_str(), path.c_str()) != 0) {
    s = Io("cannot rename", temp, errno);
  }
  if (!s) {
    ::unlink(temp.c_str());
    return s;
  }
  Fd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir_fd.get() < 0 || ::fsync(dir_fd.get()) != 0) {
    const int err = errno;
    ::unlink(path.c_str());
    return Io("cannot sync", dir, err);
  }
  return Ok();
}

Result<std::string> ReadDocumentFile(const std::string& dir, std::string_view name) {
  CMS_TRY(CheckName(name));
  const std::string path = dir + "/" + std::string(name);
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) {
    if (errno == ENOENT) {
      return Error::Make(ErrorCode::kNotFound, "documents.missing", "the document file is missing");
    }
    return Io("cannot open", path, errno);
  }
  std::string out;
  char buf[kReadChunk];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return Io("cannot read", path, errno);
    }
    if (n == 0) {
      return out;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
}

void RemoveDocumentFile(const std::string& dir, std::string_view name) {
  if (CheckName(name)) {
    ::unlink((dir + "/" + std::string(name)).c_str());
  }
}

}  // namespace childmaint::api
