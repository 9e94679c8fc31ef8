//! Writing output files safely: only regular files are replaced, through a
//! temporary file beside the target that is synced to disk before it is
//! renamed; the folder is synced after. New files get the umask's
//! permissions, replaced files keep theirs.

use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};

/// Prefix of every temporary file and folder the program makes.
pub(crate) const PREFIX: &str = ".predeparture-";

/// Writes `bytes` to `path`, or to standard output for `-`.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.as_os_str() == "-" {
        return super::print_bytes(bytes);
    }
    let target = regular_target(path)?;
    let dir = parent(&target);
    if !dir.is_dir() {
        bail!(
            "cannot write {}: folder {} does not exist",
            path.display(),
            dir.display()
        );
    }
    remove_stale(dir);
    let mode = std::fs::metadata(&target).ok().map(|m| m.permissions());
    let tmp = dir.join(format!("{PREFIX}{}.tmp", std::process::id()));
    let written = write_new(&tmp, bytes, mode).and_then(|()| {
        std::fs::rename(&tmp, &target)?;
        sync_dir(dir)
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("cannot write {}", path.display()));
    }
    Ok(())
}

/// The file to replace: `path`, or the regular file a symbolic link points to.
/// Anything that is not a regular file (a device, a FIFO, a socket, a folder)
/// is refused.
fn regular_target(path: &Path) -> Result<PathBuf> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(path.to_path_buf());
    };
    let target = if meta.file_type().is_symlink() {
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
    } else {
        path.to_path_buf()
    };
    match std::fs::metadata(&target) {
        Ok(m) if !m.is_file() => bail!(
            "cannot write {}: it is {}, not a regular file",
            path.display(),
            kind(&m)
        ),
        _ => Ok(target),
    }
}

/// What a file that is not a regular file is, in words.
pub(crate) fn kind(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let t = meta.file_type();
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// The folder of `path` (`.` for a bare file name).
pub(crate) fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Creates `path` (which must not exist), writes and syncs it; `mode` is
/// the permissions of the file it replaces.
pub(crate) fn write_new(
    path: &Path,
    bytes: &[u8],
    mode: Option<std::fs::Permissions>,
) -> std::io::Result<()> {
    // Created with 0666 less the umask, like any file a program makes.
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    if let Some(mode) = mode {
        file.set_permissions(mode)?;
    }
    file.sync_all()
}

/// Syncs a folder, so a rename in it survives a crash.
pub(crate) fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    Ok(())
}

/// Removes temporary files and folders of runs that are no longer running.
pub(crate) fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = stale_pid(&name) else {
            continue;
        };
        if !running(pid) {
            let path = entry.path();
            let _ = std::fs::remove_file(&path).or_else(|_| std::fs::remove_dir_all(&path));
        }
    }
}

/// The process id in the name of a temporary file or folder of ours:
/// `.predeparture-<pid>.tmp`, `.predeparture-<pid>-staging`, `.predeparture-<pid>-old`.
fn stale_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(PREFIX)?;
    let (pid, kind) = rest.split_once(['.', '-'])?;
    ["tmp", "staging", "old"]
        .contains(&kind)
        .then(|| pid.parse().ok())
        .flatten()
}

/// Whether a process is running (on systems without /proc: assumed not).
fn running(pid: u32) -> bool {
    pid == std::process::id() || Path::new("/proc").join(pid.to_string()).exists()
}
