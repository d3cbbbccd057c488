import { describe, expect, it } from 'vitest';
import { grantersText, readOnlyText } from './editRights';
import { createNames } from './names';

const names = createNames({
  owners: [
    { id: '81', userId: '91', name: 'Priya Popescu', email: null },
    { id: '82', userId: '92', name: 'Tom Kim', email: null },
  ],
  teams: [{ id: '3', name: 'EMEA' }],
});

describe('grantersText', () => {
  it.each([
    [{ superAdmins: true, userIds: [], teamIds: [] }, 'a super admin'],
    [{ superAdmins: true, userIds: ['91'], teamIds: [] }, 'a super admin or Priya Popescu'],
    [
      { superAdmins: false, userIds: ['91', '92'], teamIds: ['3'] },
      'Priya Popescu, Tom Kim or someone in EMEA',
    ],
    [{ superAdmins: false, userIds: ['99999999'], teamIds: [] }, 'a super admin'],
  ])('%j → %s', (editors, text) => {
    expect(grantersText(editors, names)).toBe(text);
  });
  it('says what to ask for, with no id', () => {
    const text = readOnlyText({ superAdmins: true, userIds: ['91', '99999999'], teamIds: [] }, names);
    expect(text).toContain('ask a super admin or Priya Popescu to add you as an editor');
    expect(text).not.toMatch(/\d{4,}/);
  });
});
