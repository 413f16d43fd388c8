import { useState } from 'react';
import { readThemePreference, saveThemePreference, type ThemePreference } from '../lib/theme.ts';
import { Select } from './fields.tsx';

const options = [
  { value: 'system', label: 'Same as this device' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const;

/** Light, dark or the device's setting; remembered on this device. */
export function ThemeSwitch({ id = 'theme' }: { id?: string }) {
  const [preference, setPreference] = useState<ThemePreference>(readThemePreference);
  return (
    <Select
      id={id}
      label="Theme"
      className="theme-switch"
      options={options}
      value={preference}
      onChange={(event) => {
        const next = event.target.value as ThemePreference;
        setPreference(next);
        saveThemePreference(next);
      }}
    />
  );
}
