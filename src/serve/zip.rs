//! A minimal ZIP writer: files stored as they are (PDFs are compressed
//! already), UTF-8 names, one fixed date, in memory.

use predeparture::model::Date;

/// A ZIP archive being built in memory.
pub(crate) struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
    dos_date: u16,
}

/// Why an archive cannot be made: ZIP without its 64-bit extension holds
/// fewer than 65,535 files of under 4 GiB.
#[derive(Debug, thiserror::Error)]
#[error("the archive would be too large for a ZIP file")]
pub(crate) struct TooLarge;

impl Zip {
    /// An empty archive whose files are all dated `date`.
    pub(crate) fn new(date: Date) -> Zip {
        let year = u16::try_from(date.year.clamp(1980, 2107) - 1980).unwrap_or(0);
        Zip {
            out: Vec::new(),
            central: Vec::new(),
            entries: 0,
            dos_date: (year << 9) | (u16::from(date.month) << 5) | u16::from(date.day),
        }
    }

    /// Adds a file.
    pub(crate) fn add(&mut self, name: &str, data: &[u8]) -> Result<(), TooLarge> {
        let offset = u32::try_from(self.out.len()).map_err(|_| TooLarge)?;
        let size = u32::try_from(data.len()).map_err(|_| TooLarge)?;
        let name_len = u16::try_from(name.len()).map_err(|_| TooLarge)?;
        self.entries = self.entries.checked_add(1).ok_or(TooLarge)?;
        let crc = libdeflater::crc32(data);
        // version 2.0, UTF-8 names, stored, time 00:00, date, crc, sizes, name
        let common = |v: &mut Vec<u8>| {
            for half in [20u16, 0x0800, 0, 0, self.dos_date] {
                v.extend_from_slice(&half.to_le_bytes());
            }
            for word in [crc, size, size] {
                v.extend_from_slice(&word.to_le_bytes());
            }
            v.extend_from_slice(&name_len.to_le_bytes());
            v.extend_from_slice(&0u16.to_le_bytes());
        };
        self.out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut self.out);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(data);

        self.central
            .extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        // made by: Unix, version 2.0 (for the file mode below)
        self.central.extend_from_slice(&0x0314u16.to_le_bytes());
        common(&mut self.central);
        // comment length, disk, internal attributes
        self.central.extend_from_slice(&[0; 6]);
        // external attributes: a regular file, rw-r--r--
        self.central
            .extend_from_slice(&(0o100_644u32 << 16).to_le_bytes());
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(name.as_bytes());
        Ok(())
    }

    /// The archive's bytes.
    pub(crate) fn finish(mut self) -> Result<Vec<u8>, TooLarge> {
        let offset = u32::try_from(self.out.len()).map_err(|_| TooLarge)?;
        let size = u32::try_from(self.central.len()).map_err(|_| TooLarge)?;
        self.out.append(&mut self.central);
        self.out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        self.out.extend_from_slice(&[0; 4]);
        self.out.extend_from_slice(&self.entries.to_le_bytes());
        self.out.extend_from_slice(&self.entries.to_le_bytes());
        self.out.extend_from_slice(&size.to_le_bytes());
        self.out.extend_from_slice(&offset.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes());
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unzip_reads_it_back() {
        let mut zip = Zip::new(Date::parse("2026-09-01").unwrap());
        zip.add("001-a.pdf", b"%PDF-1.7 one").unwrap();
        zip.add("manifest.csv", "name\n张伟\n".as_bytes()).unwrap();
        let bytes = zip.finish().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.zip");
        std::fs::write(&path, &bytes).unwrap();
        let Ok(out) = std::process::Command::new("unzip")
            .arg("-t")
            .arg(&path)
            .output()
        else {
            return; // unzip is not installed
        };
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{text}");
        assert!(text.contains("No errors detected"), "{text}");
        let list = std::process::Command::new("unzip")
            .arg("-l")
            .arg(&path)
            .output()
            .unwrap();
        let list = String::from_utf8_lossy(&list.stdout);
        assert!(
            list.contains("2026-09-01") || list.contains("09-01-2026"),
            "{list}"
        );
    }
}
